import { screens } from "./screens";
import { expect, test } from "@playwright/test";
import { personContext, signUpAndConfirm, uniqueEmail } from "./fixtures";

/** Calls a tRPC mutation over HTTP with the page's own session cookie (superjson wire format). */
async function mutate(page: import("@playwright/test").Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

test("the poster's bell count goes up live when a scooper claims their job", async ({ browser }) => {
  // Each person browses from their own address, so sign-up rate limits (per IP) do not pool across specs.
  const poster = await personContext(browser);
  const scooper = await personContext(browser);
  const posterPage = await poster.newPage();
  const scooperPage = await scooper.newPage();
  await signUpAndConfirm(posterPage, { name: "Bella Poster", email: uniqueEmail("bell-poster"), password: "bell poster 123" });
  await signUpAndConfirm(scooperPage, { name: "Sid Scooper", email: uniqueEmail("bell-scooper"), password: "bell scooper 123", scooper: true });

  const job = (await mutate(posterPage, "jobs.post", {
    address: "88 Bell St, Brooklyn", lat: 40.6712, lng: -73.9634, priceCents: 2300, type: "POOP",
    pileEstimate: "PILES_1_3", yardSegments: ["N"], publicNotes: null, accessNotes: null,
  })) as { id: string };

  // The home map shows the WebSocket's state; once it is live, the bell's subscription shares that socket.
  await posterPage.goto("/");
  await expect(posterPage.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(posterPage.getByTestId("notification-bell")).toBeVisible();
  await expect(posterPage.getByTestId("notification-count")).toHaveCount(0);

  await mutate(scooperPage, "jobs.claim", { jobId: job.id });
  // No reload: the count arrives over the WebSocket.
  await expect(posterPage.getByTestId("notification-count")).toHaveText("1", { timeout: 15_000 });
  await posterPage.getByTestId("notification-bell").click();
  await expect(posterPage.getByTestId("notification-item").first()).toContainText(/claimed/i);
  // The panel stays on the screen at phone width (it used to open off the left edge at 390 px).
  await posterPage.setViewportSize({ width: 390, height: 844 });
  const box = await posterPage.getByTestId("notification-panel").boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  // ...and above the map's zoom buttons, which sit at z-index 1000 under the header.
  const onTop = await posterPage.evaluate(
    ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('[data-testid="notification-panel"]'),
    { x: box!.x + 20, y: box!.y + 70 },
  );
  expect(onTop).toBe(true);
  await screens(posterPage, "notification-panel");

  await poster.close();
  await scooper.close();
});
