/**
 * New-scooper approval with SCOOPER_APPROVAL=1: the board stays visible, claiming answers "awaiting approval"
 * until an admin approves (audited, once); only admins see the queue and approve. The setting off is
 * scooper-approval-off.int.test.ts.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { SCOOPER_APPROVAL: "1" });
});

import { db } from "@/server/db";
import { cast, validJobInput } from "@/test/factories";
import { AWAITING_APPROVAL_MESSAGE } from "./scooper-approval";

describe("scooper approval on", () => {
  it("a new scooper sees the board but may not claim until an admin approves them", async () => {
    const { customer, scooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    expect((await scooper.api.jobs.openInViewport({ bounds: { south: 40.6, north: 40.8, west: -74.1, east: -73.9 } })).jobs.map((j) => j.id)).toContain(jobId);
    expect(await scooper.api.adminScoopers.mine()).toEqual({ required: true, approved: false });
    await expect(scooper.api.jobs.claim({ jobId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: AWAITING_APPROVAL_MESSAGE });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "OPEN", scooperId: null });

    expect((await admin.api.adminScoopers.awaiting()).map((u) => u.id)).toContain(scooper.id);
    await admin.api.adminScoopers.approve({ userId: scooper.id, note: "ID checked" });
    expect((await admin.api.adminScoopers.awaiting()).map((u) => u.id)).not.toContain(scooper.id);
    const audit = await db.auditLog.findMany({ where: { action: "scooper.approve", targetId: scooper.id } });
    expect(audit).toEqual([expect.objectContaining({ actorId: admin.id, reason: "ID checked" })]);
    await expect(admin.api.adminScoopers.approve({ userId: scooper.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditLog.count({ where: { action: "scooper.approve", targetId: scooper.id } })).toBe(1);

    await scooper.api.jobs.claim({ jobId });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CLAIMED", scooperId: scooper.id });
  });

  it("only admins see the queue and approve; a customer is not a scooper to approve", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    await expect(scooper.api.adminScoopers.awaiting()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(scooper.api.adminScoopers.approve({ userId: otherScooper.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.api.adminScoopers.approve({ userId: scooper.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.adminScoopers.approve({ userId: customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customer.api.adminScoopers.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: otherScooper.id } })).toMatchObject({ scooperApprovedAt: null });
  });
});
