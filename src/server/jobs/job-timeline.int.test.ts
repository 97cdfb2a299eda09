/**
 * The words on a job's timeline: who acted (an admin's dispute resolution reads "admin" on both parties'
 * timelines) and the access-notes reveal log (once per viewer, job and page visit, admins included).
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";

const reveals = (jobId: string) => db.jobEvent.count({ where: { jobId, type: "access_notes_revealed" } });

describe("timeline actors", () => {
  it("labels an admin's dispute resolution as admin on the poster's and the scooper's timeline", async () => {
    const { customer, scooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.start({ jobId });
    await addPhotoRow(jobId, scooper);
    await scooper.api.jobs.complete({ jobId });
    await customer.api.disputes.open({ jobId, reason: "INCOMPLETE", text: "Missed the back" });
    await admin.api.disputes.resolve({ jobId, outcome: "RELEASE" });

    for (const party of [customer, scooper]) {
      const timeline = await party.api.jobs.timeline({ jobId });
      const actors = Object.fromEntries(timeline.map((e) => [e.type, e.actor]));
      expect(actors).toMatchObject({ posted: "poster", claimed: "scooper", started: "scooper", completed: "scooper", dispute_resolved: "admin" });
    }
  });

  it("keeps a released scooper's own events labelled scooper", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.release({ jobId });
    const timeline = await customer.api.jobs.timeline({ jobId });
    expect(timeline.filter((e) => e.type === "claimed" || e.type === "released").map((e) => e.actor)).toEqual(["scooper", "scooper"]);
  });
});

describe("access-notes reveal log", () => {
  it("logs one reveal per viewer and visit however often the page refetches, admins included, never the poster", async () => {
    const { customer, scooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });

    const visit = crypto.randomUUID();
    await Promise.all([1, 2, 3].map(() => scooper.api.jobs.byId({ jobId, visitId: visit })));
    expect((await scooper.api.jobs.byId({ jobId, visitId: visit })).accessNotes).toBe(validJobInput.accessNotes);
    expect(await reveals(jobId)).toBe(1);

    await scooper.api.jobs.byId({ jobId, visitId: crypto.randomUUID() }); // a second load of the page
    expect(await reveals(jobId)).toBe(2);

    const adminVisit = crypto.randomUUID();
    await admin.api.jobs.byId({ jobId, visitId: adminVisit });
    await admin.api.adminJobs.byId({ jobId, visitId: adminVisit });
    expect(await reveals(jobId)).toBe(3);
    expect(await db.accessNotesReveal.count({ where: { jobId, viewerId: admin.id } })).toBe(1);

    await customer.api.jobs.byId({ jobId, visitId: crypto.randomUUID() });
    expect(await reveals(jobId)).toBe(3);

    const timeline = await customer.api.jobs.timeline({ jobId });
    expect(timeline.filter((e) => e.type === "access_notes_revealed").map((e) => e.actor)).toEqual(["scooper", "scooper", "admin"]);
  });

  it("refuses a malformed visit id", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await expect(scooper.api.jobs.byId({ jobId, visitId: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
