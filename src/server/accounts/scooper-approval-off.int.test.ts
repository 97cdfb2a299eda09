/** SCOOPER_APPROVAL=0 (the default, set explicitly here): a new, unapproved scooper claims at once. */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { SCOOPER_APPROVAL: "0" });
});

import { db } from "@/server/db";
import { cast, validJobInput } from "@/test/factories";

describe("scooper approval off", () => {
  it("lets a scooper nobody approved claim, and says approval does not apply to them", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    expect(await scooper.api.adminScoopers.mine()).toEqual({ required: false, approved: false });
    await scooper.api.jobs.claim({ jobId });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CLAIMED", scooperId: scooper.id });
  });
});
