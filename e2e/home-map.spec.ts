import { expect, test } from "@playwright/test";

test("the home page shows the seeded open jobs as pins on the map", async ({ page }) => {
  await page.goto("/");
  // A visitor's map sits below the landing page's fold and loads as it comes near the screen.
  await page.locator("#live-map").scrollIntoViewIfNeeded();
  const map = page.getByTestId("job-map");
  await expect(map).toBeVisible();
  // The seed puts 32 open jobs across four boroughs and the initial viewport covers New York City. Other specs
  // share this database and may claim, cancel or add jobs, so: many pins, and the counter agrees with the map.
  const pins = map.locator(".leaflet-marker-icon.scoop-pin");
  await expect.poll(() => pins.count()).toBeGreaterThanOrEqual(20);
  await expect(map.getByTestId("open-count")).toHaveText(`${await pins.count()} open jobs here`);
  // Price badges are rendered from the job's cents.
  await expect(map.locator(".scoop-pin__badge").first()).toHaveText(/^\$\d+\.\d{2}$/);
  // Tiles come from the local tile route in tests: no broken images.
  await expect(map.locator("img.leaflet-tile-loaded").first()).toBeVisible();
});

test("liveness answers, and readiness reports the database, Redis, the worker and the queues as up", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  expect((await live.json()).ok).toBe(true);
  expect(live.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const ready = await request.get("/api/health/ready", { headers: { "x-request-id": "e2e-ready-1" } });
  expect(ready.headers()["x-request-id"]).toBe("e2e-ready-1");
  const body = await ready.json();
  expect(body.database.ok).toBe(true);
  expect(body.redis.ok).toBe(true);
  expect(body.worker.ok).toBe(true);
  expect(body.queues.ok).toBe(true);
  expect(ready.status()).toBe(200);
});

test("the worker's health port reports it live and ready", async ({ request }) => {
  const base = `http://127.0.0.1:${process.env.WORKER_HEALTH_PORT}`;
  const live = await request.get(`${base}/health`);
  expect(await live.json()).toMatchObject({ ok: true, service: "worker" });
  const ready = await request.get(`${base}/ready`);
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ok: true, worker: { ok: true } });
});
