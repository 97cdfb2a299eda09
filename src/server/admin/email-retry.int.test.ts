/**
 * An admin's retry of a FAILED email while Redis refuses the job: nothing changes (still FAILED, no audit row), the
 * admin is told to try again, and the next retry works. The queue module is wrapped so one `enqueue` can fail.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/queues/queues", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/queues/queues")>();
  return { ...actual, enqueue: vi.fn(actual.enqueue) };
});

import { db } from "@/server/db";
import { enqueue, getQueue } from "@/server/queues/queues";
import { callerFor, createUser } from "@/test/factories";

describe("retrying a failed email while Redis is unreachable", () => {
  it("changes nothing and says try again; the next retry queues it", async () => {
    const admin = await createUser(["ADMIN"]);
    const message = await db.emailMessage.create({
      data: { kind: "test", toAddress: `retry-down-${Date.now()}@example.test`, subject: "Hello", html: "<p>hi</p>", text: "hi", status: "FAILED", attempts: 3, lastError: "smtp down" },
    });
    vi.mocked(enqueue).mockRejectedValueOnce(new Error("Connection is closed."));
    await expect(callerFor(admin).adminEmails.retry({ id: message.id })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(await db.auditLog.count({ where: { targetId: message.id } })).toBe(0);

    // Redis is back: the admin's second click retries it (the first one left no trace to count).
    const { jobId } = await callerFor(admin).adminEmails.retry({ id: message.id });
    expect(jobId).toBe(`email-${message.id}-retry-1`);
    expect((await getQueue("emails").getJob(jobId))?.data).toMatchObject({ kind: "send", messageId: message.id });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "QUEUED" });
    expect(await db.auditLog.count({ where: { targetId: message.id, action: "email.retry" } })).toBe(1);
  });
});
