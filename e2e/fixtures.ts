/** Shared steps for e2e specs: reading the dev mailbox, signing up and in. */
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@scoop.test", password: "scoop-admin-dev" },
  customer: { email: "customer@scoop.test", password: "scoop-customer-dev" },
  scooper: { email: "scooper@scoop.test", password: "scoop-scooper-dev" },
};

export const uniqueEmail = (label = "e2e") => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The newest dev-mailbox message to `to` of `kind`, and the first link in it. */
export async function linkFromMailbox(page: Page, to: string, kind: string): Promise<string> {
  const message = page.locator(`[data-testid="mailbox-message"][data-kind="${kind}"]`).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    await expect(message).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const href = await message.locator("a").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

export async function signUpAndConfirm(page: Page, opts: { name: string; email: string; password: string; scooper?: boolean }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password);
  if (opts.scooper) await page.getByLabel(/scooper/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await page.goto(await linkFromMailbox(page, opts.email, "sign-up-confirmation"));
  await expect(page.getByTestId("signed-in-as")).toHaveText(opts.name);
}

export async function signIn(page: Page, creds: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(creds.email);
  await page.getByLabel("Password").fill(creds.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
