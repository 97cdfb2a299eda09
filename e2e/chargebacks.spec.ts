import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO, signIn } from "./fixtures";
import { screens } from "./screens";

test("an admin sees a card dispute and lets the customer post again", async ({ page }) => {
  // A charged job whose customer's bank opened a dispute, written directly (Stripe cannot be reached from here).
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const stamp = `${Date.now()}`;
  const email = `disputed-${stamp}@example.test`;
  const userId = `e2e-cb-user-${stamp}`;
  await client.query(`INSERT INTO "User" (id, email, roles, "updatedAt", "postingHeldAt") VALUES ($1, $2, ARRAY['CUSTOMER']::"Role"[], now(), now())`, [userId, email]);
  const jobId = `e2e-cb-job-${stamp}`;
  await client.query(
    `INSERT INTO "CleanupJob" (id, "posterId", address, lat, lng, "priceCents", type, "pileEstimate", "yardSegments", status, "expiresAt", "updatedAt", "platformFeePercent", "cancellationFeePercent")
     VALUES ($1, $2, '9 Dispute Way, Brooklyn', 40.7, -73.95, 3000, 'POOP', 'PILES_1_3', ARRAY['N']::"YardSegment"[], 'CONFIRMED', now(), now(), 15, 20)`,
    [jobId, userId],
  );
  await client.query(
    `INSERT INTO "Payment" (id, "jobId", "customerId", provider, status, "amountCents", "capturedCents", "providerRef", "updatedAt")
     VALUES ($1, $2, $3, 'stripe', 'CAPTURED', 3000, 3000, $4, now())`,
    [`e2e-cb-pay-${stamp}`, jobId, userId, `pi_e2e_${stamp}`],
  );
  await client.query(
    `INSERT INTO "Chargeback" (id, "paymentId", "jobId", "providerRef", "amountCents", reason, status, "updatedAt")
     VALUES ($1, $2, $3, $4, 3000, 'fraudulent', 'needs_response', now())`,
    [`e2e-cb-${stamp}`, `e2e-cb-pay-${stamp}`, jobId, `du_e2e_${stamp}`],
  );

  await signIn(page, DEMO.admin);
  await page.goto("/admin/chargebacks");
  const row = page.getByTestId("chargeback-row").filter({ hasText: email });
  await expect(row).toContainText("$30.00 disputed");
  await expect(row).toContainText("New jobs from this customer are on hold.");
  await screens(page, "admin-chargebacks");

  await row.getByRole("button", { name: "Let them post again" }).click();
  await page.getByLabel("Reason").fill("Bank confirmed the card owner");
  await page.getByRole("button", { name: "Let them post" }).click();
  await expect(row).toContainText("This customer can post.");
  const held = await client.query(`SELECT "postingHeldAt" FROM "User" WHERE id = $1`, [userId]);
  expect(held.rows[0].postingHeldAt).toBeNull();
  const audit = await client.query(`SELECT action, reason FROM "AuditLog" WHERE "targetId" = $1`, [userId]);
  expect(audit.rows).toEqual([{ action: "user.release-posting-hold", reason: "Bank confirmed the card owner" }]);
  await client.end();
});
