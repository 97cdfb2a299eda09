import { expect, test } from "@playwright/test";

test("the home page shows the seeded open jobs as pins on the map", async ({ page }) => {
  await page.goto("/");
  const map = page.getByTestId("job-map");
  await expect(map).toBeVisible();
  // The seed puts 32 open jobs across four boroughs; the initial viewport covers New York City.
  await expect(map.locator(".leaflet-marker-icon.scoop-pin")).toHaveCount(32);
  await expect(map.getByText("32 open jobs here")).toBeVisible();
  // Price badges are rendered from the job's cents.
  await expect(map.locator(".scoop-pin__badge").first()).toHaveText(/^\$\d+\.\d{2}$/);
  // Tiles come from the local tile route in tests: no broken images.
  await expect(map.locator("img.leaflet-tile-loaded").first()).toBeVisible();
});

test("health reports the database and Redis as up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.ok).toBe(true);
  expect(body.redis.ok).toBe(true);
});
