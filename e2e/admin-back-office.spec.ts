import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO, signIn } from "./fixtures";

test("an admin cancels a job with a reason from /admin/jobs and sees it on the job's timeline", async ({ page }) => {
  // A claimable job of the seeded customer's, written directly so this spec does not depend on the posting flow.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const address = `${Date.now()} Back Office Ln, Brooklyn`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "CleanupJob" (id, "posterId", address, lat, lng, "priceCents", type, "pileEstimate", "yardSegments", "accessNotes", "expiresAt", "updatedAt", "platformFeePercent", "cancellationFeePercent")
     VALUES ($1, (SELECT id FROM "User" WHERE email = $2), $3, 40.7, -73.95, 1500, 'POOP', 'PILES_1_3', ARRAY['N']::"YardSegment"[], 'gate 4242', now() + interval '24 hours', now(), 15, 20)
     RETURNING id`,
    [`e2e-bo-${Date.now()}`, DEMO.customer.email, address],
  );
  const jobId = rows[0]!.id;

  await signIn(page, DEMO.admin);
  await page.goto("/admin/jobs");
  await page.getByLabel("State").selectOption("OPEN");
  await page.getByLabel("Address contains").fill("back office ln");
  const row = page.locator(`[data-testid="admin-job-row"][data-job-id="${jobId}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: address }).click();

  await expect(page.getByTestId("job-access-notes")).toHaveText("gate 4242");
  await page.getByLabel("Cancellation reason").fill("duplicate of another job");
  await page.getByRole("button", { name: "Cancel job" }).click();
  await expect(page.getByTestId("job-state")).toHaveText("Cancelled");
  await expect(page.getByTestId("job-cancel-reason")).toHaveText("duplicate of another job");
  const event = page.locator('[data-testid="admin-timeline-event"][data-type="cancelled"]');
  await expect(event).toContainText("OPEN → CANCELLED");
  await expect(event).toContainText(DEMO.admin.email);
  await expect(event).toContainText("duplicate of another job");

  const audit = await client.query(`SELECT action, reason FROM "AuditLog" WHERE "targetId" = $1`, [jobId]);
  expect(audit.rows).toEqual([{ action: "job.cancel", reason: "duplicate of another job" }]);
  await client.end();

  // The dashboard draws its three charts; the job posted above counts in the 30-day "posted" total.
  await page.goto("/admin");
  await expect(page.getByTestId("chart-jobs-per-day")).toContainText(/posted \([1-9]\d*\)/);
  await expect(page.getByTestId("chart-claim-time").getByTestId("bar")).toHaveCount(6);
  await expect(page.getByTestId("chart-generated-per-day").getByTestId("bar")).toHaveCount(30);
});

test("non-admins get a sign-in redirect or 403 for every back-office page and API", async ({ page, request }) => {
  const pages = ["/admin/jobs", "/admin/jobs/some-id", "/admin/subscriptions", "/admin/subscriptions/some-id", "/admin/emails"];
  const apis = ["adminJobs.list", "adminSubscriptions.list", "adminEmails.list"];
  for (const path of pages) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toContain("/sign-in");
  }
  for (const api of apis) expect((await request.get(`/api/trpc/${api}`)).status(), api).toBe(401);

  for (const user of [DEMO.customer, DEMO.scooper]) {
    await page.context().clearCookies();
    await signIn(page, user);
    for (const path of pages) expect((await page.request.get(path, { maxRedirects: 0 })).status(), `${user.email} ${path}`).toBe(403);
    for (const api of apis) expect((await page.request.get(`/api/trpc/${api}`)).status(), `${user.email} ${api}`).toBe(403);
    const mutations: [string, unknown][] = [
      ["adminJobs.cancel", { jobId: "x", reason: "try it" }],
      ["adminSubscriptions.pause", { id: "x", reason: "try it" }],
      ["adminEmails.retry", { id: "x" }],
    ];
    for (const [api, json] of mutations) {
      expect((await page.request.post(`/api/trpc/${api}`, { data: { json } })).status(), `${user.email} ${api}`).toBe(403);
    }
  }
});
