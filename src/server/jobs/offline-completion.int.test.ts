import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { jobRules } from "@/server/jobs/config";
import { addPhotoRow, cast, createJobInState } from "@/test/factories";

/** An offline completion arrives late with the time the scooper tapped "Complete" on the device. */
describe("completion with the device's tap time", () => {
  async function inProgressJob() {
    const c = await cast();
    const job = await createJobInState(c.customer, "IN_PROGRESS", { scooper: c.scooper });
    const claimedAt = new Date(Date.now() - 3_600_000);
    await db.cleanupJob.update({ where: { id: job.id }, data: { claimedAt } });
    await addPhotoRow(job.id, c.scooper);
    return { ...c, jobId: job.id, claimedAt };
  }
  const completedEvent = (jobId: string) => db.jobEvent.findFirstOrThrow({ where: { jobId, type: "completed" } });

  it("records the tap time for the timeline, but counts auto-confirm from when the server received it", async () => {
    const { scooper, jobId } = await inProgressJob();
    const tappedAt = new Date(Date.now() - 20 * 60_000);
    const before = Date.now();
    const { autoConfirmAt } = await scooper.api.jobs.complete({ jobId, tappedAt });
    const event = await completedEvent(jobId);
    expect((event.details as Record<string, unknown>).tappedAt).toBe(tappedAt.toISOString());
    expect(autoConfirmAt.getTime()).toBeGreaterThanOrEqual(before + jobRules.autoConfirmMs);
    const row = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(row.status).toBe("COMPLETED");
    expect(row.completedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.autoConfirmAt!.getTime()).toBe(autoConfirmAt.getTime());
  });

  it("clamps a tap time before the claim to the claim, and one in the future to the receipt", async () => {
    const early = await inProgressJob();
    await early.scooper.api.jobs.complete({ jobId: early.jobId, tappedAt: new Date(early.claimedAt.getTime() - 86_400_000) });
    expect(((await completedEvent(early.jobId)).details as Record<string, unknown>).tappedAt).toBe(early.claimedAt.toISOString());

    const late = await inProgressJob();
    const before = Date.now();
    await late.scooper.api.jobs.complete({ jobId: late.jobId, tappedAt: new Date(Date.now() + 86_400_000) });
    const after = Date.now();
    const recorded = new Date(((await completedEvent(late.jobId)).details as Record<string, string>).tappedAt!).getTime();
    expect(recorded).toBeGreaterThanOrEqual(before);
    expect(recorded).toBeLessThanOrEqual(after);
  });

  it("a second completion (a retried send) changes nothing, and a customer may not complete", async () => {
    const { scooper, customer, jobId } = await inProgressJob();
    await expect(customer.api.jobs.complete({ jobId, tappedAt: new Date() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await scooper.api.jobs.complete({ jobId, tappedAt: new Date() });
    // CONFLICT (not "cannot be completed now") tells the queue its first send landed.
    await expect(scooper.api.jobs.complete({ jobId, tappedAt: new Date() })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.jobEvent.count({ where: { jobId, type: "completed" } })).toBe(1);
  });
});
