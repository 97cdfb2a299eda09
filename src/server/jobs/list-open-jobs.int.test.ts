import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOpenJob, createUser } from "@/test/factories";

const BROOKLYN = { south: 40.57, west: -74.05, north: 40.74, east: -73.83 };

describe("jobs.openInViewport", () => {
  it("returns OPEN, unexpired jobs inside the viewport and nothing else", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const inside = await createOpenJob(poster.id, { lat: 40.68, lng: -73.97, priceCents: 1800 });
    const outside = await createOpenJob(poster.id, { lat: 40.85, lng: -73.87 }); // the Bronx
    const expired = await createOpenJob(poster.id, { expiresAt: new Date(Date.now() - 1000) });
    const claimed = await createOpenJob(poster.id);
    await db.cleanupJob.update({ where: { id: claimed.id }, data: { status: "CLAIMED" } });

    const { jobs: pins, truncated } = await callerFor(null).jobs.openInViewport({ bounds: BROOKLYN });
    expect(truncated).toBe(false);
    const ids = pins.map((p) => p.id);

    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(claimed.id);
    const pin = pins.find((p) => p.id === inside.id)!;
    expect(pin.priceCents).toBe(1800);
    expect(pin.takeHomeCents).toBe(1530);
    // The board never carries private fields.
    expect(Object.keys(pin)).not.toContain("accessNotes");
    expect(Object.keys(pin)).not.toContain("posterId");
  });

  it("caps the number of pins at the requested limit, newest first", async () => {
    const poster = await createUser(["CUSTOMER"]);
    for (let i = 0; i < 5; i++) await createOpenJob(poster.id, { lat: 40.6 + i * 0.001, lng: -74.0 });
    const { jobs: pins, truncated } = await callerFor(null).jobs.openInViewport({ bounds: BROOKLYN, limit: 3 });
    expect(pins).toHaveLength(3);
    expect(truncated).toBe(true);
    const times = pins.map((p) => p.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("refuses a malformed viewport with BAD_REQUEST and a field error", async () => {
    await expect(
      callerFor(null).jobs.openInViewport({ bounds: { south: 41, west: -74, north: 40, east: -73 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(null).jobs.openInViewport({ bounds: { south: 40, west: -74, north: 95, east: -73 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
