/**
 * The Today route through the API with MAX_ACTIVE_CLAIMS raised to 8: a scooper's seven active jobs come back in
 * the 2-opt order from their position (shorter than plain nearest neighbour), with deadlines; without a position
 * in deadline order; only their own jobs; scoopers only.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { MAX_ACTIVE_CLAIMS: "8" });
});

import { nearestNeighbourOrder, pathLengthMeters } from "@/lib/route";
import { db } from "@/server/db";
import { cast, validJobInput } from "@/test/factories";

const start = { lat: 40.68, lng: -73.97 };
const grid = (x: number, y: number) => ({ lat: start.lat + y * 0.0018, lng: start.lng + (x * 0.0018) / Math.cos((start.lat * Math.PI) / 180) });
const layout = [[-2, 16], [-15, 9], [-20, -12], [-10, 17], [9, 13], [3, 13], [1, 3]].map(([x, y]) => grid(x!, y!));

describe("today's route", () => {
  it("orders a scooper's seven claims for driving, shorter than nearest neighbour, with their deadlines", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const ids: string[] = [];
    for (const [i, pin] of layout.entries()) {
      const { id } = await customer.api.jobs.post({ ...validJobInput, ...pin, address: `${i + 1} Route St, Brooklyn` });
      await scooper.api.jobs.claim({ jobId: id });
      ids.push(id);
    }
    const elsewhere = await customer.api.jobs.post(validJobInput);
    await otherScooper.api.jobs.claim({ jobId: elsewhere.id });

    const today = await scooper.api.today.route({ position: start });
    expect(today.ordered).toBe("route");
    expect(today.stops).toHaveLength(7);
    expect(today.stops.map((s) => s.jobId)).not.toContain(elsewhere.id);
    const order = today.stops.map((s) => ids.indexOf(s.jobId));
    const nn = nearestNeighbourOrder(start, layout);
    expect(order).not.toEqual(nn);
    expect(pathLengthMeters(start, layout, order)).toBeLessThan(pathLengthMeters(start, layout, nn) * 0.85);
    expect(today.totalMeters).toBe(today.stops.reduce((sum, s) => sum + s.legMeters!, 0));
    for (const stop of today.stops) {
      const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: stop.jobId } });
      expect(stop).toMatchObject({ status: "CLAIMED", address: job.address, deadline: { kind: "start", at: job.startDeadlineAt } });
      expect(stop.mapsUrl).toContain(`destination=${job.lat.toFixed(6)},${job.lng.toFixed(6)}`);
    }
  });

  it("without a position lists the stops by deadline; an UNREACHABLE one shows the customer's answer deadline", async () => {
    const { customer, scooper } = await cast();
    const first = await customer.api.jobs.post(validJobInput);
    const second = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: first.id });
    await scooper.api.jobs.claim({ jobId: second.id });
    const soon = new Date(Date.now() + 600_000);
    await db.cleanupJob.update({ where: { id: second.id }, data: { status: "UNREACHABLE", answerDeadlineAt: soon } });
    const today = await scooper.api.today.route({ position: null });
    expect(today).toMatchObject({ ordered: "deadline", totalMeters: null });
    expect(today.stops.map((s) => [s.jobId, s.deadline?.kind, s.legMeters])).toEqual([[second.id, "answer", null], [first.id, "start", null]]);
  });

  it("is a scooper's page only", async () => {
    const { customer, admin } = await cast();
    await expect(customer.api.today.route({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.today.route({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bad = await cast();
    await expect(bad.scooper.api.today.route({ position: { lat: 123, lng: 0 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
