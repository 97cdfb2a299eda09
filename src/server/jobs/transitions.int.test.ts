import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { addPhotoRow, callerFor, cast, createJobInState, createUser, validJobInput } from "@/test/factories";

async function jobRow(id: string) {
  return db.cleanupJob.findUniqueOrThrow({ where: { id } });
}
async function events(jobId: string) {
  return db.jobEvent.findMany({ where: { jobId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe("post", () => {
  it("creates an OPEN job with a posted event and an expiry timer", async () => {
    const { customer } = await cast();
    const before = Date.now();
    const { id, expiresAt } = await customer.api.jobs.post(validJobInput);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "OPEN", posterId: customer.id, priceCents: 2000, pileEstimate: "PILES_4_8", litterLevel: null });
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(24 * 3600 * 1000 - 1000);
    expect((await events(id)).map((e) => [e.type, e.actorId, e.toStatus])).toEqual([["posted", customer.id, "OPEN"]]);
    const timer = await getQueue("timers").getJob(`expire-${id}`);
    expect(timer?.data).toMatchObject({ kind: "expire", jobId: id });
  });

  it("refuses bad input with BAD_REQUEST and writes nothing", async () => {
    const { customer } = await cast();
    const bad = [
      { ...validJobInput, priceCents: 499 },
      { ...validJobInput, priceCents: 50_001 },
      { ...validJobInput, pileEstimate: undefined },
      { ...validJobInput, type: "LITTER" as const },
      { ...validJobInput, type: "BOTH" as const, litterLevel: undefined },
      { ...validJobInput, yardSegments: [] },
      { ...validJobInput, lat: 91 },
    ];
    for (const input of bad) await expect(customer.api.jobs.post(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.cleanupJob.count({ where: { posterId: customer.id } })).toBe(0);
  });

  it("accepts a LITTER job with a litter level and no pile estimate", async () => {
    const { customer } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, type: "LITTER", pileEstimate: undefined, litterLevel: "HEAVY" });
    expect(await jobRow(id)).toMatchObject({ type: "LITTER", litterLevel: "HEAVY", pileEstimate: null });
  });

  it("refuses scoopers, anonymous and suspended customers", async () => {
    const { scooper } = await cast();
    await expect(scooper.api.jobs.post(validJobInput)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).jobs.post(validJobInput)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const suspended = await createUser(["CUSTOMER"]);
    await db.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    await expect(callerFor(suspended).jobs.post(validJobInput)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("claim", () => {
  it("moves OPEN → CLAIMED for a scooper, removes the expiry timer and schedules the start deadline", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    const { startDeadlineAt } = await scooper.api.jobs.claim({ jobId: id });
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "CLAIMED", scooperId: scooper.id });
    expect(row.startDeadlineAt?.getTime()).toBe(startDeadlineAt.getTime());
    expect(startDeadlineAt.getTime() - Date.now()).toBeGreaterThan(2 * 3600 * 1000 - 5000);
    const claimed = (await events(id)).at(-1)!;
    expect(claimed).toMatchObject({ type: "claimed", actorId: scooper.id, fromStatus: "OPEN", toStatus: "CLAIMED" });
    expect(await getQueue("timers").getJob(`expire-${id}`)).toBeUndefined();
    expect(await getQueue("timers").getJob(`start-deadline-${id}`)).toBeDefined();
    // It left the board.
    const board = await callerFor(null).jobs.openInViewport({ bounds: { south: 40.5, west: -74.2, north: 40.9, east: -73.7 } });
    expect(board.jobs.map((j) => j.id)).not.toContain(id);
  });

  it("refuses customers (FORBIDDEN), one's own job (FORBIDDEN) and a job already taken (CONFLICT)", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await expect(customer.api.jobs.claim({ jobId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const both = await createUser(["CUSTOMER", "SCOOPER"]);
    const own = await callerFor(both).jobs.post(validJobInput);
    await expect(callerFor(both).jobs.claim({ jobId: own.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await scooper.api.jobs.claim({ jobId: id });
    await expect(otherScooper.api.jobs.claim({ jobId: id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/just taken/i) });
    expect(await jobRow(own.id)).toMatchObject({ status: "OPEN", scooperId: null });
  });

  it("refuses a suspended scooper", async () => {
    const { customer } = await cast();
    const scooper = await createUser(["SCOOPER"]);
    await db.user.update({ where: { id: scooper.id }, data: { status: "SUSPENDED" } });
    const job = await createJobInState(customer, "OPEN");
    await expect(callerFor(scooper).jobs.claim({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await jobRow(job.id)).status).toBe("OPEN");
  });

  it("50 concurrent claims on one job: exactly one winner, one CLAIMED row, 49 CONFLICT", async () => {
    const { customer } = await cast();
    const job = await createJobInState(customer, "OPEN");
    const scoopers = await Promise.all(Array.from({ length: 50 }, () => createUser(["SCOOPER"])));
    const results = await Promise.allSettled(scoopers.map((s) => callerFor(s).jobs.claim({ jobId: job.id })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const row = await jobRow(job.id);
    expect(row.status).toBe("CLAIMED");
    const winner = scoopers[results.findIndex((r) => r.status === "fulfilled")]!;
    expect(row.scooperId).toBe(winner.id);
    expect(await db.jobEvent.count({ where: { jobId: job.id, type: "claimed" } })).toBe(1);
  });

  it("allows at most 3 active claims per scooper, even when the fourth and fifth race", async () => {
    const { customer, scooper } = await cast();
    const jobs = await Promise.all(Array.from({ length: 6 }, () => createJobInState(customer, "OPEN")));
    await scooper.api.jobs.claim({ jobId: jobs[0]!.id });
    await scooper.api.jobs.claim({ jobId: jobs[1]!.id });
    const racing = await Promise.allSettled(jobs.slice(2).map((j) => scooper.api.jobs.claim({ jobId: j.id })));
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of racing) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.cleanupJob.count({ where: { scooperId: scooper.id, status: { in: ["CLAIMED", "IN_PROGRESS"] } } })).toBe(3);
  });
});

describe("release", () => {
  it("moves CLAIMED → OPEN by the claiming scooper, keeping the original expiry when more than 1h is left", async () => {
    const { customer, scooper } = await cast();
    const { id, expiresAt } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.release({ jobId: id });
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "OPEN", scooperId: null, claimedAt: null, startDeadlineAt: null });
    expect(row.expiresAt.getTime()).toBe(expiresAt.getTime());
    expect((await events(id)).at(-1)).toMatchObject({ type: "released", actorId: scooper.id, fromStatus: "CLAIMED", toStatus: "OPEN" });
    expect(await getQueue("timers").getJob(`expire-${id}`)).toBeDefined();
  });

  it("gives a released job at least 1h before it expires", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper, expiresAt: new Date(Date.now() + 60_000) });
    await scooper.api.jobs.release({ jobId: job.id });
    expect((await jobRow(job.id)).expiresAt.getTime() - Date.now()).toBeGreaterThan(3600_000 - 5000);
  });

  it("refuses another scooper (NOT_FOUND: they cannot see it), the poster (FORBIDDEN) and an OPEN job", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper });
    await expect(otherScooper.api.jobs.release({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customer.api.jobs.release({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const open = await createJobInState(customer, "OPEN");
    await expect(scooper.api.jobs.release({ jobId: open.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await jobRow(job.id)).status).toBe("CLAIMED");
  });
});

describe("start", () => {
  it("moves CLAIMED → IN_PROGRESS and flags (does not block) a device far from the pin", async () => {
    const { customer, scooper } = await cast();
    const near = await createJobInState(customer, "CLAIMED", { scooper });
    const r1 = await scooper.api.jobs.start({ jobId: near.id, location: { lat: near.lat + 0.0005, lng: near.lng } });
    expect(r1.flagged).toBe(false);
    expect(await jobRow(near.id)).toMatchObject({ status: "IN_PROGRESS", startFlagged: false });
    const far = await createJobInState(customer, "CLAIMED", { scooper });
    const r2 = await scooper.api.jobs.start({ jobId: far.id, location: { lat: far.lat + 0.01, lng: far.lng } });
    expect(r2.flagged).toBe(true);
    expect(r2.distanceM).toBeGreaterThan(1000);
    expect(await jobRow(far.id)).toMatchObject({ status: "IN_PROGRESS", startFlagged: true });
    const none = await createJobInState(customer, "CLAIMED", { scooper });
    expect(await scooper.api.jobs.start({ jobId: none.id })).toEqual({ distanceM: null, flagged: false });
    expect((await events(far.id)).at(-1)).toMatchObject({ type: "started", fromStatus: "CLAIMED", toStatus: "IN_PROGRESS" });
  });

  it("refuses start on an OPEN job (PRECONDITION_FAILED) and by a customer (FORBIDDEN)", async () => {
    const { customer, scooper } = await cast();
    const open = await createJobInState(customer, "OPEN");
    await expect(scooper.api.jobs.start({ jobId: open.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await createJobInState(customer, "CLAIMED", { scooper });
    await scooper.api.jobs.start({ jobId: mine.id });
    await expect(scooper.api.jobs.start({ jobId: mine.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(customer.api.jobs.start({ jobId: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("complete and confirm", () => {
  it("requires an after photo, then moves IN_PROGRESS → COMPLETED with auto-confirm scheduled", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    await expect(scooper.api.jobs.complete({ jobId: job.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await jobRow(job.id)).status).toBe("IN_PROGRESS");
    await addPhotoRow(job.id, scooper, "AFTER");
    const { autoConfirmAt } = await scooper.api.jobs.complete({ jobId: job.id, pickupCount: 12 });
    expect(await jobRow(job.id)).toMatchObject({ status: "COMPLETED", pickupCount: 12, autoConfirmAt });
    expect(await getQueue("timers").getJob(`auto-confirm-${job.id}`)).toBeDefined();
  });

  it("refuses complete on a CLAIMED job and by the poster", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper });
    await addPhotoRow(job.id, scooper, "AFTER");
    await expect(scooper.api.jobs.complete({ jobId: job.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(customer.api.jobs.complete({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only the poster confirm COMPLETED → CONFIRMED", async () => {
    const { customer, scooper, admin } = await cast();
    const job = await createJobInState(customer, "COMPLETED", { scooper });
    await expect(scooper.api.jobs.confirm({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.jobs.confirm({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createUser(["CUSTOMER"]);
    await expect(callerFor(stranger).jobs.confirm({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await customer.api.jobs.confirm({ jobId: job.id });
    expect(await jobRow(job.id)).toMatchObject({ status: "CONFIRMED" });
    expect((await events(job.id)).at(-1)).toMatchObject({ type: "confirmed", actorId: customer.id, fromStatus: "COMPLETED", toStatus: "CONFIRMED" });
    await expect(customer.api.jobs.confirm({ jobId: job.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const inProgress = await createJobInState(customer, "IN_PROGRESS", { scooper });
    await expect(customer.api.jobs.confirm({ jobId: inProgress.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("cancel", () => {
  it("poster cancels OPEN for free and CLAIMED owing the scooper 20%", async () => {
    const { customer, scooper } = await cast();
    const open = await createJobInState(customer, "OPEN");
    expect(await customer.api.jobs.cancel({ jobId: open.id })).toEqual({ feeOwedCents: 0 });
    expect(await jobRow(open.id)).toMatchObject({ status: "CANCELLED" });
    const claimed = await createJobInState(customer, "CLAIMED", { scooper, priceCents: 3000 });
    expect(await customer.api.jobs.cancel({ jobId: claimed.id, reason: "Plans changed" })).toEqual({ feeOwedCents: 600 });
    const ev = (await events(claimed.id)).at(-1)!;
    expect(ev).toMatchObject({ type: "cancelled", actorId: customer.id, fromStatus: "CLAIMED", toStatus: "CANCELLED" });
    expect(ev.details).toMatchObject({ by: "poster", cancellationFeeCents: 600, feeOwedTo: scooper.id });
  });

  it("poster cannot cancel IN_PROGRESS; scoopers cannot cancel; admin can with a reason", async () => {
    const { customer, scooper, admin } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    await expect(customer.api.jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(scooper.api.jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.api.jobs.cancel({ jobId: job.id, reason: "Fraud report" });
    expect(await jobRow(job.id)).toMatchObject({ status: "CANCELLED", cancelReason: "Fraud report" });
    expect((await events(job.id)).at(-1)).toMatchObject({ actorId: admin.id, fromStatus: "IN_PROGRESS", details: { by: "admin", reason: "Fraud report" } });
    await expect(admin.api.jobs.cancel({ jobId: job.id, reason: "again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("visibility and private notes", () => {
  it("hides a non-OPEN job from everyone but its poster, its scooper and admins", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper });
    await expect(otherScooper.api.jobs.byId({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).jobs.byId({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const u of [customer, scooper, admin]) expect((await u.api.jobs.byId({ jobId: job.id })).status).toBe("CLAIMED");
  });

  it("shows access notes to the poster and admins, and to the scooper only while the claim is active, logging reveals but the poster's", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    expect((await otherScooper.api.jobs.byId({ jobId: id })).accessNotes).toBeNull();
    expect((await scooper.api.jobs.byId({ jobId: id })).accessNotes).toBeNull();
    expect((await callerFor(null).jobs.byId({ jobId: id })).accessNotes).toBeNull();
    expect((await customer.api.jobs.byId({ jobId: id })).accessNotes).toBe("Gate code 4321");
    expect((await admin.api.jobs.byId({ jobId: id })).accessNotes).toBe("Gate code 4321");
    // The admin's read is a reveal (logged); the poster's own is not.
    expect((await db.jobEvent.findMany({ where: { jobId: id, type: "access_notes_revealed" } })).map((e) => e.actorId)).toEqual([admin.id]);

    await scooper.api.jobs.claim({ jobId: id });
    const seen = await scooper.api.jobs.byId({ jobId: id });
    expect(seen.accessNotes).toBe("Gate code 4321");
    expect(seen.actions).toEqual(expect.arrayContaining(["start", "release"]));
    const reveal = await db.jobEvent.findMany({ where: { jobId: id, type: "access_notes_revealed", actorId: scooper.id } });
    expect(reveal).toHaveLength(1);
    await expect(otherScooper.api.jobs.byId({ jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await scooper.api.jobs.release({ jobId: id });
    expect((await scooper.api.jobs.byId({ jobId: id })).accessNotes).toBeNull();
  });

  it("keeps the notes from the scooper once the job is completed", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "COMPLETED", { scooper, accessNotes: "Key under mat" });
    expect((await scooper.api.jobs.byId({ jobId: job.id })).accessNotes).toBeNull();
  });
});

describe("timeline, mine, nearest", () => {
  it("shows the whole flow on the timeline to both parties, with roles instead of ids", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.start({ jobId: id });
    await addPhotoRow(id, scooper, "AFTER");
    await scooper.api.jobs.complete({ jobId: id });
    await customer.api.jobs.confirm({ jobId: id });
    const timeline = await customer.api.jobs.timeline({ jobId: id });
    expect(timeline.map((e) => [e.type, e.actor, e.toStatus])).toEqual([
      ["posted", "poster", "OPEN"],
      ["claimed", "scooper", "CLAIMED"],
      ["started", "scooper", "IN_PROGRESS"],
      ["completed", "scooper", "COMPLETED"],
      ["confirmed", "poster", "CONFIRMED"],
    ]);
    expect(await scooper.api.jobs.timeline({ jobId: id })).toHaveLength(5);
    await expect(otherScooper.api.jobs.timeline({ jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists a customer's posted jobs by state and a scooper's claimed ones", async () => {
    const { customer, scooper } = await cast();
    const open = await createJobInState(customer, "OPEN");
    const claimed = await createJobInState(customer, "CLAIMED", { scooper });
    const posted = await customer.api.jobs.mine({ as: "posted" });
    expect(posted.map((j) => j.id).sort()).toEqual([open.id, claimed.id].sort());
    expect((await customer.api.jobs.mine({ as: "posted", statuses: ["OPEN"] })).map((j) => j.id)).toEqual([open.id]);
    expect((await scooper.api.jobs.mine({ as: "claimed" })).map((j) => j.id)).toEqual([claimed.id]);
  });

  it("offers the nearest other open jobs after a lost claim", async () => {
    const { customer } = await cast();
    const lost = await createJobInState(customer, "OPEN");
    await db.cleanupJob.update({ where: { id: lost.id }, data: { lat: 10.001, lng: 10.001 } });
    const near = await createJobInState(customer, "OPEN");
    await db.cleanupJob.update({ where: { id: near.id }, data: { lat: 10.002, lng: 10.002 } });
    const far = await createJobInState(customer, "OPEN");
    await db.cleanupJob.update({ where: { id: far.id }, data: { lat: 10.2, lng: 10.2 } });
    const result = await callerFor(null).jobs.nearestOpen({ lat: 10.001, lng: 10.001, excludeJobId: lost.id, limit: 2 });
    expect(result.map((j) => j.id)).toEqual([near.id, far.id]);
    expect(result[0]!.distanceM).toBeLessThan(200);
  });
});
