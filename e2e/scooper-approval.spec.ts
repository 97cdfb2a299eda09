/**
 * The new-scooper approval queue (issue 19): a scooper who just signed up is listed on /admin/scoopers and an admin
 * approves them (audited). The e2e server runs with SCOOPER_APPROVAL=0; the claim refusal with the setting on is
 * proven by src/server/accounts/scooper-approval.int.test.ts and in the browser by the production-shaped run
 * (e2e-production/production-shape.spec.ts, SCOOPER_APPROVAL=1).
 */
import { expect, test } from "@playwright/test";
import { DEMO, personContext, signIn, signUpAndConfirm, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

test("an admin approves a new scooper from the queue", async ({ browser }) => {
  const scooperContext = await personContext(browser);
  const email = uniqueEmail("approve-scooper");
  await signUpAndConfirm(await scooperContext.newPage(), { name: "Nell Newscooper", email, password: "new scooper 123", scooper: true });
  await scooperContext.close();

  const adminContext = await personContext(browser);
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Scoopers" }).click();
  const row = admin.getByTestId("scooper-queue").locator("li", { hasText: email });
  await expect(row).toContainText("Nell Newscooper");
  await screens(admin, "admin-scooper-approvals");
  await row.getByRole("button", { name: `Approve ${email}` }).click();
  await expect(admin.getByTestId("scooper-queue").locator("li", { hasText: email })).toHaveCount(0);
  await admin.goto("/admin/audit");
  await expect(admin.getByText("scooper.approve").first()).toBeVisible();
  await adminContext.close();
});
