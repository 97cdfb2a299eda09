/**
 * The real Resend client against a fake Resend API on loopback: the payload it sends, and a 5xx retried by
 * the worker until it succeeds. RESEND_API_KEY / RESEND_BASE_URL are set before app modules read the env.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startFakeHttpServer } from "@/test/fake-http-server";

let failuresLeft = 0;
const fake = await startFakeHttpServer(() => {
  if (failuresLeft > 0) {
    failuresLeft -= 1;
    return { status: 503, json: { name: "internal_server_error", message: "try again", statusCode: 503 } };
  }
  return { status: 200, json: { id: "resend-msg-1" } };
});
process.env.RESEND_API_KEY = "re_test_key";
process.env.RESEND_BASE_URL = fake.url;
process.env.EMAIL_FROM = "Scoop <hello@scoop.test>";
process.env.EMAIL_REPLY_TO = "help@scoop.test";

const { db } = await import("@/server/db");
const { enqueue, getQueue } = await import("@/server/queues/queues");
const { startQueueWorker } = await import("@/test/worker-harness");
const { queueEmail } = await import("./send-email");

describe("Resend transport", () => {
  let worker: Awaited<ReturnType<typeof startQueueWorker>> | undefined;
  afterAll(async () => {
    await worker?.close();
    await fake.close();
  });

  it("sends to, from, reply-to, subject, html, text, unsubscribe headers and the idempotency key; a 5xx is retried", async () => {
    failuresLeft = 1;
    const id = await queueEmail(db, {
      kind: "earnings.weekly",
      to: "scooper@example.test",
      subject: "You earned $42.50 this week",
      html: "<p>Hi</p>",
      text: "Hi",
      unsubscribeUrl: "http://localhost:3000/unsubscribe?token=abc",
    });
    // Same job id and attempts as production, but a 100 ms first backoff instead of 5 s (the worker starts after).
    await (await getQueue("emails").getJob(`email-${id}`))!.remove();
    const job = await enqueue("emails", { kind: "send", messageId: id }, { jobId: `email-${id}`, backoff: { type: "exponential", delay: 100 } });
    worker = await startQueueWorker("emails");
    expect(await job.waitUntilFinished(worker.events, 20_000)).toBe("sent");

    expect(fake.requests).toHaveLength(2);
    const [failed, sent] = fake.requests;
    // The retry carries the same idempotency key, so Resend would drop it had the first attempt gone through.
    expect(failed!.headers["idempotency-key"]).toBe(`email-${id}`);
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/emails");
    expect(sent!.headers.authorization).toBe("Bearer re_test_key");
    expect(sent!.headers["idempotency-key"]).toBe(`email-${id}`);
    expect(JSON.parse(sent!.body.toString())).toMatchObject({
      from: "Scoop <hello@scoop.test>",
      to: "scooper@example.test",
      reply_to: "help@scoop.test",
      subject: "You earned $42.50 this week",
      html: "<p>Hi</p>",
      text: "Hi",
      headers: { "List-Unsubscribe": "<http://localhost:3000/unsubscribe?token=abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", transport: "resend", providerId: "resend-msg-1", attempts: 2, lastError: null });
  });
});
