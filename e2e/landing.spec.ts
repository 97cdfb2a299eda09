/**
 * Issue 16: the first screen sells the product to a visitor (headline, three steps, trust, both paths) with the
 * live map one tap away, its pins labelled in words and explained by a legend; the skip link is the first stop
 * of the keyboard.
 */
import { expect, test } from "@playwright/test";
import { personContext } from "./fixtures";
import { screens } from "./screens";

test("a visitor sees what Scoop does, how it works, both paths and the live map with a legend", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A clean yard, without the scooping");
  await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Photo proof" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Payment held until you confirm" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a cleanup" })).toHaveAttribute("href", "/sign-up");

  const map = page.getByTestId("job-map");
  await page.getByRole("link", { name: "See open jobs on the live map" }).click();
  await expect(map).toBeInViewport();
  await expect(map.getByTestId("map-legend")).toContainText("Dog waste");
  const pin = map.locator(".leaflet-marker-icon.scoop-pin").first();
  await expect(pin.locator(".scoop-pin__badge")).toBeVisible(); // the pin itself is a zero-size anchor
  // Readable labels: "Dog waste, $16.50", never an enum name like "POOP $16.50".
  await expect(pin).toHaveAttribute("title", /^(Dog waste|Litter|Waste \+ litter), \$\d+\.\d{2}$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screens(page, "landing");

  // The keyboard's first stop on a fresh page skips the header.
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.getByRole("link", { name: "Earn as a scooper" }).first().click();
  await expect(page).toHaveURL(/\/sign-up\?as=scooper$/);
  await expect(page.getByLabel(/scooper/)).toBeChecked();
  await context.close();
});
