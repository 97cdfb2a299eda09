/** Issue 20: a user's data export, and account deletion that erases personal data but keeps the records. */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/account/export/route";
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { callerFor, createJobInState, createUser, validJobInput } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";

describe("data export", () => {
  it("downloads the user's profile, jobs, notifications and money lines as JSON, and refuses anonymous callers", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const { id } = await callerFor(customer).jobs.post({ ...validJobInput, address: "9 Export St, Brooklyn" });
    await db.notification.create({ data: { id: crypto.randomUUID(), userId: customer.id, kind: "job.claimed", eventKey: "e", title: "Claimed", body: "b" } });

    const res = await exportRoute(new Request("http://x/api/account/export", { headers: { cookie: await sessionCookieFor(customer.id) } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = (await res.json()) as { profile: { email: string }; postedJobs: { id: string; address: string }[]; notifications: unknown[]; payments: { jobId: string }[] };
    expect(data.profile.email).toBe(customer.email);
    expect(data.postedJobs).toEqual([expect.objectContaining({ id, address: "9 Export St, Brooklyn" })]);
    expect(data.notifications).toHaveLength(1);
    expect(data.payments.map((p) => p.jobId)).toEqual([id]);

    expect((await exportRoute(new Request("http://x/api/account/export"))).status).toBe(401);
  });
});

describe("account deletion", () => {
  it("erases personal data, cancels open jobs, keeps finished jobs' records and ends every session", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const cookie = await sessionCookieFor(customer.id);
    const { id: openId } = await callerFor(customer).jobs.post({ ...validJobInput, address: "17 Gone Rd, Brooklyn", accessNotes: "code 1234" });
    const done = await createJobInState(customer, "CONFIRMED", { accessNotes: "gate 99" });

    await expect(callerFor(customer).accounts.deleteAccount({ confirmEmail: "someone@else.test" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await callerFor(customer).accounts.deleteAccount({ confirmEmail: customer.email });

    const user = await db.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(user).toMatchObject({ name: null, passwordHash: null, roles: [] });
    expect(user.email).not.toBe(customer.email);
    expect(user.deletedAt).toBeInstanceOf(Date);
    expect(await getSessionFromHeaders(new Headers({ cookie }))).toBeNull();

    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: openId } })).toMatchObject({ status: "CANCELLED", address: "Gone Rd, Brooklyn", accessNotes: null });
    const kept = await db.cleanupJob.findUniqueOrThrow({ where: { id: done.id } });
    expect(kept).toMatchObject({ status: "CONFIRMED", accessNotes: null });
    expect(kept.address).not.toMatch(/^\d/);
    expect(await db.payment.count({ where: { jobId: openId } })).toBe(1);
  });

  it("waits while a job is claimed", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    await createJobInState(customer, "CLAIMED", { scooper });
    await expect(callerFor(scooper).accounts.deleteAccount({ confirmEmail: scooper.email })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: scooper.id } })).deletedAt).toBeNull();
  });
});
