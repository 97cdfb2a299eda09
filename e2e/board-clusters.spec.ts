/**
 * Issue 18: zoomed out, the board shows where all the work is: clusters that count every matching job, with
 * their price range, and a cluster zooms the map in when tapped or when a keyboard user presses Enter on it.
 * The jobs sit around Philadelphia, the scooper's service area here, far from every other spec's map.
 */
import pg from "pg";
import { expect, test } from "@playwright/test";
import { DEMO, personContext, signUpAndConfirm, trpcMutate, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

const JOBS = 260;
const ADDRESS = "E2E Cluster Street";

test("a zoomed-out scooper sees every job as clusters, and a cluster zooms the map in", async ({ browser }) => {
  const context = await personContext(browser);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const page = await context.newPage();
    await signUpAndConfirm(page, { name: "Cleo Cluster", email: uniqueEmail("clusters"), password: "scooper pass 123", scooper: true });
    await trpcMutate(page, "scooperOnboarding.saveProfile", { displayName: "Cleo Cluster", serviceLat: 39.9526, serviceLng: -75.1652, serviceRadiusKm: 10 });

    // Written straight to the database, as a busy morning would leave them: no event announces them, so they reach
    // the map through the board index's rebuild (BOARD_INDEX_REBUILD_SECONDS, short in this run).
    await client.query(
      `INSERT INTO "CleanupJob" (id, "posterId", status, address, lat, lng, "priceCents", "platformFeePercent", "cancellationFeePercent", type, "yardSegments", "expiresAt", "updatedAt")
       SELECT 'e2e-cluster-' || i, u.id, 'OPEN', $2 || ' ' || i, 39.93 + (i % 20) * 0.0025, -75.19 + (i / 20) * 0.004, 2000 + (i % 7) * 500, 15, 20, 'POOP', ARRAY['N']::"YardSegment"[], now() + interval '1 day', now()
       FROM generate_series(1, $1::int) AS i, "User" u WHERE u.email = $3`,
      [JOBS, ADDRESS, DEMO.customer.email],
    );

    const map = page.getByTestId("job-map");
    await expect(async () => {
      await page.goto("/board");
      await expect(map).toHaveAttribute("data-view", "clusters", { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(map.getByTestId("open-count")).toHaveText(`${JOBS} open jobs here · tap a group to zoom`);
    const bubbles = map.locator(".scoop-cluster");
    expect(await bubbles.count()).toBeGreaterThan(1);
    // Each bubble says in words how many jobs it holds and their price range.
    await expect(bubbles.first()).toHaveAttribute("title", /^\d+ open jobs, \$\d+\.\d\d to \$\d+\.\d\d: zoom in$/);
    await screens(page, "board-clusters");

    const zoomOf = async () => Number(await map.getAttribute("data-zoom"));
    const start = await zoomOf();
    // The marker itself has no size (its bubble is drawn around its anchor): tap the bubble.
    await bubbles.first().locator(".scoop-cluster__count").click();
    await expect.poll(zoomOf).toBeGreaterThan(start);

    // The keyboard path: a bubble is focusable, and Enter zooms in too.
    await page.goto("/board");
    await expect(map).toHaveAttribute("data-view", "clusters");
    const before = await zoomOf();
    await bubbles.first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(zoomOf).toBeGreaterThan(before);
    // The focus stays on the map (the bubble it was on is gone), so the next Tab reaches the new markers.
    await expect(map.locator(".leaflet-container")).toBeFocused();
  } finally {
    await client.query(`DELETE FROM "CleanupJob" WHERE id LIKE 'e2e-cluster-%'`);
    await client.end();
    await context.close();
  }
});
