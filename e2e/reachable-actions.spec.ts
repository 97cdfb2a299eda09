/**
 * What used to be reachable only by email or the API, now on the pages: re-posting an ended job from /my-jobs,
 * and filtering the admin audit log.
 */
import { expect, test } from "@playwright/test";
import { screens } from "./screens";
import { DEMO, distinctivePrice, personContext, postJob, signIn, signOut, signUpAndConfirm, uniqueEmail } from "./fixtures";

test("a customer re-posts a cancelled job from /my-jobs and lands on the new open job", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  await signIn(page, DEMO.customer);
  const address = `${Math.floor(Math.random() * 900) + 100} Again Ave, Brooklyn`;
  const oldId = await postJob(page, { address, price: distinctivePrice(31) });
  await page.goto(`/jobs/${oldId}`);
  await page.getByRole("button", { name: "Cancel the job" }).click();
  // Irreversible: it asks first and says what happens to the money.
  const ask = page.getByRole("alertdialog", { name: "Cancel this job?" });
  await expect(ask).toContainText("released in full: you pay nothing");
  await screens(page, "cancel-dialog");
  await ask.getByRole("button", { name: "Keep the job" }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId("job-status")).toHaveText("Open");
  await page.getByRole("button", { name: "Cancel the job" }).click();
  await ask.getByRole("button", { name: "Yes, cancel the job" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Cancelled");
  // A cancelled job no longer promises the scooper a take-home.
  await expect(page.getByText(/Scooper takes home/)).toHaveCount(0);
  await expect(page.getByTestId("cancelled-note")).toBeVisible();
  // The ended job's own page offers it too.
  await expect(page.getByRole("button", { name: "Post it again" })).toBeVisible();

  await page.goto("/my-jobs");
  const group = page.locator("section", { has: page.getByRole("heading", { name: "Cancelled or expired" }) });
  const row = group.locator("li", { hasText: address });
  await row.getByRole("button", { name: "Post it again" }).click();
  await expect(page).toHaveURL(/\/jobs\/(?!.*repost)/);
  expect(page.url()).not.toContain(oldId);
  await expect(page.getByTestId("job-status")).toHaveText("Open");
  await expect(page.getByRole("heading", { name: address })).toBeVisible();
  await context.close();
});

test("an admin filters the audit log by action and by admin", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  const email = uniqueEmail("audited");
  await signUpAndConfirm(page, { name: "Audie Ted", email, password: "audit me 12345" });
  await signOut(page);

  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Search users").fill(email);
  const row = page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
  const reason = `audit filter ${Date.now()}`;
  await row.getByRole("button", { name: "Suspend" }).click();
  const ask = page.getByRole("alertdialog", { name: "Suspend this user?" });
  await expect(ask.getByRole("button", { name: "Suspend" })).toBeDisabled(); // a reason is required
  await ask.getByLabel(/Reason/).fill(reason);
  await ask.getByLabel(/how many days/).fill("1");
  await ask.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByTestId("admin-user-status")).toContainText("suspended");

  await page.goto("/admin/audit");
  const rows = page.getByTestId("audit-row");
  await page.getByLabel("Action starts with").fill("user.suspend");
  await expect(rows.filter({ hasText: reason })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: "user.suspend" })).toHaveCount(0);
  await page.getByLabel("Action starts with").fill("user.role");
  await expect(rows.filter({ hasText: reason })).toHaveCount(0);
  await page.getByLabel("Action starts with").fill("");
  await page.getByLabel("Admin email contains").fill("nobody-at-all");
  await expect(page.getByText("No audit entries match.")).toBeVisible();
  await context.close();
});
