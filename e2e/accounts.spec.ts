import { expect, test } from "@playwright/test";
import { linkFromMailbox, uniqueEmail } from "./fixtures";

test("sign up as a customer, confirm, sign out, reset the password from the emailed link, sign in with it", async ({ page }) => {
  const email = uniqueEmail();

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Erin Example");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 123");
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();

  // The confirmation link signs the new customer in.
  await page.goto(await linkFromMailbox(page, email, "sign-up-confirmation"));
  await expect(page).toHaveURL(/\/profile\?welcome=1/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Erin Example");
  await expect(page.getByTestId("roles")).toHaveText("customer");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If that email has an account")).toBeVisible();

  await page.goto(await linkFromMailbox(page, email, "password-reset"));
  await page.getByLabel("New password").fill("second password 456");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Wrong email or password")).toBeVisible();

  await page.getByLabel("Password").fill("second password 456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Erin Example");
});

test("the forgot-password page answers the same for an unknown email", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If that email has an account")).toBeVisible();
});
