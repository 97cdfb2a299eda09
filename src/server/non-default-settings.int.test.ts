/**
 * Rules that read a setting, run with values that are not the defaults, so a setting read in the wrong place or a
 * default written into words shows up as a wrong number: the start deadline (START_DEADLINE_SECONDS) in the poster's
 * "claimed" notification, the scooper's time to answer a dispute (DISPUTE_RESPONSE_HOURS) and the distance from the
 * pin that flags a start (START_DISTANCE_FLAG_METERS), and the claim and posting rate limits (RATE_LIMIT_CLAIM,
 * RATE_LIMIT_POST_JOB: their counts and windows). Fees, timers and windows have files of their own.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, {
    START_DEADLINE_SECONDS: "2700", DISPUTE_RESPONSE_HOURS: "6", START_DISTANCE_FLAG_METERS: "2000",
    RATE_LIMIT_CLAIM: "4/2", RATE_LIMIT_POST_JOB: "2/1",
  });
});

import { env } from "@/env";
import { formatTime } from "@/lib/format-date";
import { db } from "@/server/db";
import { notifyJobClaimed } from "@/server/notifications/job-events";
import { addPhotoRow, callerFor, cast, createUser, uniqueIpHeaders, validJobInput } from "@/test/factories";

const job = (id: string) => db.cleanupJob.findUniqueOrThrow({ where: { id }, include: { dispute: true } });

describe("settings with non-default values", () => {
  it("tells the poster the claim's own start deadline (45 minutes here), never a fixed two hours", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    const claimed = await job(id);
    expect(claimed.startDeadlineAt!.getTime() - claimed.claimedAt!.getTime()).toBe(2700 * 1000);

    await notifyJobClaimed(db, id);
    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: customer.id, kind: "job.claimed" } });
    const startBy = formatTime(claimed.startDeadlineAt!, { timeZone: env.APP_TIMEZONE, locale: "en" });
    expect(email.text).toContain(`They start by ${startBy}, or the job goes back on the board`);
    expect(email.html).toContain(startBy);
    expect(`${email.text} ${email.html}`).not.toMatch(/2 hours/);
  });

  it("gives the scooper DISPUTE_RESPONSE_HOURS (6 here) to answer a dispute", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.start({ jobId: id });
    await addPhotoRow(id, scooper);
    await scooper.api.jobs.complete({ jobId: id });
    await customer.api.disputes.open({ jobId: id, reason: "INCOMPLETE", text: "The back corner was skipped" });

    const { dispute } = await job(id);
    expect(dispute!.responseDeadlineAt.getTime() - dispute!.openedAt.getTime()).toBe(6 * 3_600_000);
    expect((await scooper.api.jobs.byId({ jobId: id })).actions).toEqual(["respondToDispute"]);
  });

  it("flags a start only beyond START_DISTANCE_FLAG_METERS (2 000 m here)", async () => {
    const { customer, scooper } = await cast();
    const near = await customer.api.jobs.post(validJobInput);
    const far = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: near.id });
    await scooper.api.jobs.claim({ jobId: far.id });
    const pin = await job(near.id);

    // ≈ 1.1 km north: flagged under the default 300 m, not under 2 000 m.
    const nearStart = await scooper.api.jobs.start({ jobId: near.id, location: { lat: pin.lat + 0.01, lng: pin.lng } });
    expect(nearStart.distanceM).toBeGreaterThan(1000);
    expect(nearStart.flagged).toBe(false);
    // ≈ 3.3 km north: beyond it.
    const farStart = await scooper.api.jobs.start({ jobId: far.id, location: { lat: pin.lat + 0.03, lng: pin.lng } });
    expect(farStart.distanceM).toBeGreaterThan(2000);
    expect(farStart.flagged).toBe(true);
    expect(await job(near.id)).toMatchObject({ status: "IN_PROGRESS", startFlagged: false });
    expect(await job(far.id)).toMatchObject({ status: "IN_PROGRESS", startFlagged: true });
  });

  it("limits claims and posts by their configured counts and windows (4 claims in 2 minutes, 2 posts in 1 minute)", async () => {
    type Outcome = { code: string; message: string };
    const attempt = (call: Promise<unknown>) => call.then((): Outcome => ({ code: "ok", message: "" }), (err: Outcome) => err);
    const scooper = await createUser(["SCOOPER"]);
    // Claims of jobs that do not exist still count (the limit is on attempts).
    const claimed: Outcome[] = [];
    for (let i = 0; i < 6; i++) claimed.push(await attempt(callerFor(scooper, uniqueIpHeaders()).jobs.claim({ jobId: crypto.randomUUID() })));
    expect(claimed.slice(0, 4).map((r) => r.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(claimed.slice(4)).toEqual([
      expect.objectContaining({ code: "TOO_MANY_REQUESTS", message: "Too many claims. Try again in 2 minutes." }),
      expect.objectContaining({ code: "TOO_MANY_REQUESTS" }),
    ]);

    const customer = await createUser(["CUSTOMER"]);
    await callerFor(customer).jobs.post(validJobInput);
    await callerFor(customer).jobs.post(validJobInput);
    const refused = await attempt(callerFor(customer).jobs.post(validJobInput));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    const seconds = Number(/Try again in (\d+) seconds\./.exec(refused.message)?.[1]);
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await db.cleanupJob.count({ where: { posterId: customer.id } })).toBe(2);
  });
});
