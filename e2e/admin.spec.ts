import { expect, test } from "@playwright/test";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { screens } from "./screens";
import { DEMO, signIn, signOut, signUpAndConfirm, uniqueEmail } from "./fixtures";

test("an admin suspends a user, who is then refused at sign-in with the reason", async ({ page }) => {
  const email = uniqueEmail("suspendee");
  await signUpAndConfirm(page, { name: "Sue Spended", email, password: "suspend me 12345" });
  await signOut(page);

  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Search users").fill(email);
  const row = page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Suspend" }).click();
  const ask = page.getByRole("alertdialog", { name: "Suspend this user?" });
  await expect(ask.getByRole("button", { name: "Suspend" })).toBeDisabled(); // a reason is required
  await ask.getByLabel(/Reason/).fill("missed three jobs");
  await ask.getByLabel(/how many days/).fill("7");
  await screens(page, "admin-suspend-dialog");
  await ask.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByTestId("admin-user-status")).toContainText("suspended");
  await screens(page, "admin-users");

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").first()).toContainText("user.suspend");
  await expect(page.getByTestId("audit-row").first()).toContainText("missed three jobs");
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("suspend me 12345");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText(/suspended until .*missed three jobs/)).toBeVisible();
});

test("an admin retries a failed job from the queue page", async ({ page }) => {
  // Arrange a failed job the way it happens in production: an email job whose message row is not there yet.
  const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const queue = new Queue("emails", { connection, prefix: `{${process.env.REDIS_PREFIX}:bull}` });
  const messageId = `e2e-late-${Date.now()}`;
  await queue.add("send", { kind: "send", messageId }, { jobId: `email-${messageId}`, attempts: 1 });
  await expect.poll(async () => queue.getJobState(`email-${messageId}`), { timeout: 15_000 }).toBe("failed");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(
    `INSERT INTO "EmailMessage" (id, kind, "toAddress", subject, html, text) VALUES ($1, 'test', 'late@example.test', 'Late hello', '<p>hi</p>', 'hi')`,
    [messageId],
  );

  await signIn(page, DEMO.admin);
  await page.goto("/admin/queues");
  await page.locator('[data-testid="queue-row"][data-queue="emails"]').getByTestId("failed-count").click();
  const failed = page.locator(`[data-testid="failed-job"][data-job-id="email-${messageId}"]`);
  await expect(failed).toContainText("not found");
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(failed).toHaveCount(0);
  await expect.poll(async () => (await client.query(`SELECT status FROM "EmailMessage" WHERE id = $1`, [messageId])).rows[0]?.status, { timeout: 15_000 }).toBe("SENT");

  await client.end();
  await queue.close();
  connection.disconnect();
});

test("non-admins get a sign-in redirect or 403 for every admin page and API", async ({ page, request }) => {
  const pages = ["/admin", "/admin/users", "/admin/queues", "/admin/audit", "/admin/disputes"];
  for (const path of pages) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toContain("/sign-in");
  }
  const apis = ["adminOps.queues", "adminOps.audit", "adminUsers.search"];
  for (const api of apis) expect((await request.get(`/api/trpc/${api}`)).status(), api).toBe(401);

  await signIn(page, DEMO.customer);
  for (const path of pages) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
  }
  for (const api of apis) expect((await page.request.get(`/api/trpc/${api}`)).status(), api).toBe(403);
  const retry = await page.request.post("/api/trpc/adminOps.retryJob", { data: { json: { queue: "emails", jobId: "x" } } });
  expect(retry.status()).toBe(403);
});
