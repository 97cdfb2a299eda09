import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { startQueueWorker } from "@/test/worker-harness";
import { queueEmail } from "./send-email";

describe("email pipeline (dev mailbox transport)", () => {
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  beforeAll(async () => {
    worker = await startQueueWorker("emails");
  });
  afterAll(() => worker.close());

  it("stores the message, sends it once in the worker, and ignores a duplicate event", async () => {
    const input = { kind: "test", to: "someone@example.test", subject: "Hi", html: "<p>Hi</p>", text: "Hi", dedupeKey: `test:${Date.now()}` };
    const id = await queueEmail(db, input);
    const again = await queueEmail(db, input);
    expect(again).toBe(id);

    const job = await getQueue("emails").getJob(`email-${id}`);
    await job!.waitUntilFinished(worker.events, 10_000);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", transport: "dev-mailbox", attempts: 1 });
    expect(await db.emailMessage.count({ where: { dedupeKey: input.dedupeKey } })).toBe(1);
  });
});
