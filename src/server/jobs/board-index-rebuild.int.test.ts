/**
 * BOARD_INDEX_REBUILD_SECONDS at a value other than its default (30): jobs written straight to the database,
 * which announce nothing, reach the clusters through the background rebuild within that many seconds.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BOARD_INDEX_REBUILD_SECONDS = "1";
});

import { db } from "@/server/db";
import { env } from "@/env";
import { currentFeeRates } from "@/server/payments/fees";
import { callerFor, createUser } from "@/test/factories";
import { boardIndex, closeBoardIndex } from "./board-index";
import { PIN_THRESHOLD } from "./board-view";

afterAll(() => closeBoardIndex());

describe("the board index's background rebuild", () => {
  it("picks up jobs no event announced within BOARD_INDEX_REBUILD_SECONDS", async () => {
    expect(env.BOARD_INDEX_REBUILD_SECONDS).toBe(1);
    const area = { south: 40.5, west: -74.3, north: 40.52, east: -74.28 };
    await boardIndex(db);
    const total = async () => {
      const view = await callerFor(null).jobs.board({ bounds: area, zoom: 12 });
      return view.kind === "clusters" ? view.total : view.jobs.length;
    };
    expect(await total()).toBe(0);

    const poster = await createUser(["CUSTOMER"]);
    const count = PIN_THRESHOLD + 20;
    await db.cleanupJob.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        posterId: poster.id, address: `${i} Quiet St`, lat: 40.501 + (i % 20) * 0.0009, lng: -74.299 + Math.floor(i / 20) * 0.0015,
        priceCents: 2000, ...currentFeeRates(), type: "POOP" as const, yardSegments: ["N" as const], expiresAt: new Date(Date.now() + 3600_000),
      })),
    });
    const started = Date.now();
    await expect.poll(total, { timeout: 5_000, interval: 100 }).toBe(count);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
