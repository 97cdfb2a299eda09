/**
 * The admin's weather skip (issue 19): a customer's weekly cleanup with a ZIP code, and an admin skipping that
 * ZIP's visits for its next service date; a bad ZIP is refused in words first. Screens of the admin page.
 */
import { expect, test } from "@playwright/test";
import { DEMO, personContext, signIn, signUpAndConfirm, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

test("an admin skips a ZIP code's visits of a date for the weather", async ({ browser }) => {
  const customerContext = await personContext(browser);
  const customer = await customerContext.newPage();
  await signUpAndConfirm(customer, { name: "Wes Weather", email: uniqueEmail("weather-customer"), password: "weather customer 123" });
  await customer.goto("/recurring/new");
  await customer.getByLabel("Address").fill("3 Storm St, Brooklyn");
  await customer.getByLabel(/ZIP code/).fill("11231");
  await customer.getByLabel("Price per visit (USD)").fill("19.00");
  await customer.getByLabel("The pin is on my yard").check();
  await customer.getByLabel("Frequency").selectOption("WEEKLY");
  const firstDate = await customer.getByLabel("First service date").inputValue();
  await customer.getByRole("button", { name: "Start for $19.00 per visit" }).click();
  await expect(customer).toHaveURL(/\/recurring\/(?!new$)[^/]+$/);
  await customerContext.close();

  const adminContext = await personContext(browser);
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/weather");
  await admin.getByLabel("Service date").fill(firstDate);
  await admin.getByLabel("ZIP codes, separated by commas or spaces").fill("1123");
  await admin.getByLabel("Reason (customers read it)").fill("Nor'easter");
  await admin.getByRole("button", { name: "Skip these visits" }).click();
  await expect(admin.getByText("Enter a 5-digit ZIP code.")).toBeVisible();
  await admin.getByLabel("ZIP codes, separated by commas or spaces").fill("11231");
  await admin.getByRole("button", { name: "Skip these visits" }).click();
  await expect(admin.getByText(/Skipped \d+ recurring visits?; cancelled 0 jobs already generated\./)).toBeVisible();
  await expect(admin.getByTestId("weather-skips")).toContainText(`${firstDate} · Nor'easter · 11231`);
  await screens(admin, "admin-weather-skip");
  // The box can be taken from the map's view: the four numbers fill in and the rectangle is drawn.
  await admin.getByLabel("A box (latitude / longitude)").check();
  await admin.getByRole("button", { name: "Use the map's view as the box" }).click();
  await expect(admin.getByLabel("North")).not.toHaveValue("");
  await expect(admin.locator('[data-testid="area-picker"] path.leaflet-interactive')).toHaveCount(1);
  await screens(admin, "admin-weather-box");
  await adminContext.close();
});
