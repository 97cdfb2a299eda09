/**
 * Saved yards (issue 19): a customer saves a yard once, then posts a job from it; the job carries the yard's
 * address, price, dog words and access notes. Screens of /yards and the post form at both widths.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personContext, signUpAndConfirm, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

test("a customer saves a yard and posts a job from it", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  await signUpAndConfirm(page, { name: "Yara Yard", email: uniqueEmail("yard-customer"), password: "yard customer 123" });

  await page.goto("/yards");
  await page.getByRole("button", { name: "Add a yard" }).click();
  await page.getByLabel("Name").fill("Home");
  await page.getByLabel("Address").fill("58 Saved Yard Rd, Brooklyn");
  await page.getByLabel("Usual price (USD)").fill("23.45");
  await page.getByLabel("The pin is on my yard").check();
  await page.getByLabel("ZIP code").fill("abc");
  await page.getByLabel("Dogs").fill("2");
  await page.getByLabel("A dog here is unsafe for strangers (scoopers are warned)").check();
  await page.getByLabel(/Private access notes/).fill("Gate code 5150");
  await page.getByRole("button", { name: "Save the yard" }).click();
  // A bad ZIP is refused in words on its field; nothing is saved.
  await expect(page.getByText("Enter a 5-digit ZIP code.")).toBeVisible();
  await page.getByLabel("ZIP code").fill("11215");
  await page.getByRole("button", { name: "Save the yard" }).click();
  await expect(page.getByTestId("saved-yards")).toContainText("58 Saved Yard Rd, Brooklyn 11215");
  await expect(page.getByTestId("saved-yards")).toContainText("2 dogs · unsafe dog");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await screens(page, "saved-yards");

  await page.getByRole("link", { name: "Post a job" }).first().click();
  await page.getByLabel("Start from a saved yard").selectOption({ label: "Home: 58 Saved Yard Rd, Brooklyn" });
  await expect(page.getByLabel("Address")).toHaveValue("58 Saved Yard Rd, Brooklyn");
  await expect(page.getByLabel("Price (USD)")).toHaveValue("23.45");
  await screens(page, "post-from-saved-yard");
  await page.getByRole("button", { name: "Post for $23.45" }).click();
  await page.getByRole("link", { name: "View the job" }).click();
  await expect(page.getByRole("heading", { name: "58 Saved Yard Rd, Brooklyn" })).toBeVisible();
  await expect(page.getByText("2 dogs. Unsafe dog: it must be kept inside before you enter.")).toBeVisible();
  await expect(page.getByText("Gate code 5150")).toBeVisible();
  await context.close();
});
