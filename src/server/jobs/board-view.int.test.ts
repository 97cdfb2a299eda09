import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cast, callerFor, createUser, validJobInput } from "@/test/factories";
import { currentFeeRates } from "@/server/payments/fees";
import { boardIndex, closeBoardIndex } from "./board-index";
import { PIN_THRESHOLD } from "./board-view";

type Area = { south: number; west: number; north: number; east: number };
const TYPES = ["POOP", "LITTER", "BOTH"] as const;
const PILES = ["PILES_1_3", "PILES_4_8", "PILES_9_PLUS", null] as const;

/** `count` open jobs spread over `area`, with every type, pile estimate, a spread of prices and ages. */
async function seed(area: Area, count: number, opts: { reservedFor?: string; reserved?: number } = {}) {
  const poster = await createUser(["CUSTOMER"]);
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % 3]!;
    return {
      posterId: poster.id,
      address: `${i} Cluster St, Brooklyn`,
      lat: area.south + ((i * 7919) % 1000) / 1000 * (area.north - area.south) * 0.98 + 0.0001,
      lng: area.west + ((i * 104729) % 997) / 997 * (area.east - area.west) * 0.98 + 0.0001,
      priceCents: 500 + ((i * 37) % 60) * 125,
      ...currentFeeRates(),
      type,
      pileEstimate: type === "LITTER" ? null : PILES[i % 3]!,
      litterLevel: type === "POOP" ? null : ("LIGHT" as const),
      yardSegments: ["N" as const],
      // A third were posted in the last hour, the rest earlier today.
      createdAt: new Date(now - (i % 3 === 0 ? 10 * 60_000 : 3 * 3600_000) - i * 1000),
      expiresAt: new Date(now + 20 * 3600_000),
      ...(opts.reservedFor && i < (opts.reserved ?? 0) ? { exclusiveScooperId: opts.reservedFor, exclusiveUntil: new Date(now + 3600_000) } : {}),
    };
  });
  await db.cleanupJob.createMany({ data: rows });
  // Rows written straight to the database announce nothing: rebuild, as the background rebuild would.
  await (await boardIndex(db)).rebuild();
  return rows;
}

const sum = (clusters: { count: number }[]) => clusters.reduce((s, c) => s + c.count, 0);

afterAll(() => closeBoardIndex());

describe("jobs.board: clusters when zoomed out", () => {
  it("counts every matching open job, with each filter applied exactly", async () => {
    const area = { south: 40.6, west: -74.0, north: 40.7, east: -73.9 };
    const rows = await seed(area, 1200);
    const anon = callerFor(null);
    const hourAgo = Date.now() - 3600_000;
    const cases = [
      {},
      { types: ["LITTER" as const] },
      { types: ["POOP" as const, "BOTH" as const] },
      { pileEstimates: ["PILES_4_8" as const] },
      { minPriceCents: 3000 },
      { postedWithinMinutes: 60 as const },
      { types: ["BOTH" as const], pileEstimates: ["PILES_1_3" as const, "PILES_9_PLUS" as const], minPriceCents: 2500, postedWithinMinutes: 60 as const },
    ];
    for (const filters of cases) {
      const expected = rows.filter(
        (r) =>
          (!("types" in filters) || (filters.types as readonly string[]).includes(r.type)) &&
          (!("pileEstimates" in filters) || (r.pileEstimate !== null && (filters.pileEstimates as readonly string[]).includes(r.pileEstimate))) &&
          (!("minPriceCents" in filters) || r.priceCents >= filters.minPriceCents!) &&
          (!("postedWithinMinutes" in filters) || r.createdAt.getTime() >= hourAgo),
      );
      const view = await anon.jobs.board({ bounds: area, zoom: 11, ...filters });
      if (expected.length > PIN_THRESHOLD) {
        expect(view.kind, JSON.stringify(filters)).toBe("clusters");
        if (view.kind !== "clusters") continue;
        expect(sum(view.clusters), JSON.stringify(filters)).toBe(expected.length);
        expect(view.total).toBe(expected.length);
        expect(Math.min(...view.clusters.map((c) => c.minPriceCents))).toBe(Math.min(...expected.map((r) => r.priceCents)));
        expect(Math.max(...view.clusters.map((c) => c.maxPriceCents))).toBe(Math.max(...expected.map((r) => r.priceCents)));
        for (const c of view.clusters) {
          expect(c.lat).toBeGreaterThanOrEqual(c.bounds.south);
          expect(c.lat).toBeLessThanOrEqual(c.bounds.north);
          expect(c.lng).toBeGreaterThanOrEqual(c.bounds.west);
          expect(c.lng).toBeLessThanOrEqual(c.bounds.east);
        }
      } else {
        // Few enough for pins: the exact board query.
        expect(view.kind, JSON.stringify(filters)).toBe("pins");
        if (view.kind === "pins") expect(view.jobs).toHaveLength(expected.length);
      }
    }
    // Zoomed in past the cluster levels, the map always gets pins.
    const close = await anon.jobs.board({ bounds: { south: 40.65, west: -73.951, north: 40.652, east: -73.948 }, zoom: 17 });
    expect(close.kind).toBe("pins");
  });

  it("takes a minimum price only in whole $5 steps, the steps the clusters count by, changing nothing otherwise", async () => {
    const bounds = { south: 40.6, west: -74.0, north: 40.7, east: -73.9 };
    for (const minPriceCents of [1200, 2501, 50_500]) {
      await expect(callerFor(null).jobs.board({ bounds, zoom: 12, minPriceCents })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(callerFor(null).jobs.openInViewport({ bounds, minPriceCents })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(callerFor(null).jobs.board({ bounds, zoom: 12, minPriceCents: 1500 })).resolves.toHaveProperty("kind");
  });

  it("leaves out jobs reserved for a preferred scooper, except for that scooper", async () => {
    const area = { south: 40.75, west: -73.9, north: 40.8, east: -73.85 };
    const preferred = await createUser(["SCOOPER"]);
    const other = await createUser(["SCOOPER"]);
    const customer = await createUser(["CUSTOMER"]);
    await seed(area, 300, { reservedFor: preferred.id, reserved: 25 });
    const total = async (user: Parameters<typeof callerFor>[0]) => {
      const view = await callerFor(user).jobs.board({ bounds: area, zoom: 12 });
      expect(view.kind).toBe("clusters");
      return view.kind === "clusters" ? sum(view.clusters) : 0;
    };
    // The same rule as the board's pins: anonymous visitors, customers and other scoopers see the same 275.
    expect(await total(null)).toBe(275);
    expect(await total(customer)).toBe(275);
    expect(await total(other)).toBe(275);
    expect(await total(preferred)).toBe(300);
  });

  it("updates the counts live when a job is claimed and when one is posted", async () => {
    const area = { south: 40.55, west: -74.2, north: 40.6, east: -74.15 };
    const rows = await seed(area, 250);
    const { customer, scooper } = await cast();
    const count = async () => {
      const view = await callerFor(null).jobs.board({ bounds: area, zoom: 12 });
      return view.kind === "clusters" ? view.total : -1;
    };
    expect(await count()).toBe(250);

    const job = await db.cleanupJob.findFirstOrThrow({ where: { address: rows[5]!.address, posterId: rows[5]!.posterId } });
    await scooper.api.jobs.claim({ jobId: job.id });
    await expect.poll(count, { timeout: 5_000 }).toBe(249);

    const posted = await customer.api.jobs.post({ ...validJobInput, lat: 40.575, lng: -74.175 });
    expect(posted.status).toBe("OPEN");
    await expect.poll(count, { timeout: 5_000 }).toBe(250);
  });
});
