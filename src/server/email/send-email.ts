/**
 * Email is written down first and sent by the worker: `queueEmail` stores the message and enqueues its id
 * (the row id is the BullMQ jobId, so a repeated enqueue is ignored); `deliverEmail` (worker) sends a row at
 * most once. A `dedupeKey` makes queueing idempotent per event ("password-reset:<tokenId>").
 */
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { enqueue, withinHandOverTime } from "@/server/queues/queues";
import type { RenderedEmail } from "./templates";
import { ALWAYS_SENT_KINDS, isSuppressed } from "./suppressions";
import { getEmailTransport } from "./transport";

/** Kinds whose body holds a secret (a one-time link): once a real provider has it, the stored copy is blanked. */
const SECRET_KINDS = new Set(["password-reset", "magic-link"]);

export type QueueEmailInput = RenderedEmail & {
  kind: string;
  to: string;
  userId?: string | null;
  dedupeKey?: string;
  /** A deterministic row id (and so BullMQ jobId), e.g. from the notification service; a cuid otherwise. */
  id?: string;
  /** Marketing-style emails: the one-click unsubscribe URL, sent as List-Unsubscribe headers. */
  unsubscribeUrl?: string;
};

/**
 * Hands a stored message to the `emails` queue. The row is what counts (an outbox row of its own): if Redis cannot
 * take the job now, the outbox relay (src/server/outbox/relay.ts) queues every QUEUED message it finds later, so a
 * sign-up or a receipt never fails because Redis blinked.
 */
async function handOver(messageId: string): Promise<void> {
  try {
    await withinHandOverTime(enqueue("emails", { kind: "send", messageId }, { jobId: `email-${messageId}` }));
  } catch (err) {
    logger.warn({ err, messageId }, "could not queue an email now; the outbox relay will");
  }
}

export async function queueEmail(db: Tx, input: QueueEmailInput): Promise<string> {
  if (input.dedupeKey) {
    const existing = await db.emailMessage.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true, status: true } });
    if (existing) {
      // Enqueue again in case the first enqueue was lost; the jobId and the SENT check make it a no-op otherwise.
      if (existing.status === "QUEUED") await handOver(existing.id);
      return existing.id;
    }
  }
  let id: string;
  try {
    const row = await db.emailMessage.create({
      data: {
        ...(input.id ? { id: input.id } : {}),
        kind: input.kind,
        toAddress: input.to,
        subject: input.subject,
        html: input.html,
        text: input.text,
        userId: input.userId ?? null,
        dedupeKey: input.dedupeKey ?? null,
        unsubscribeUrl: input.unsubscribeUrl ?? null,
      },
      select: { id: true },
    });
    id = row.id;
  } catch (err) {
    if (input.dedupeKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
      return existing.id;
    }
    throw err;
  }
  await handOver(id);
  return id;
}

export async function deliverEmail(db: Tx, messageId: string): Promise<"sent" | "already-sent" | "suppressed"> {
  const message = await db.emailMessage.findUnique({ where: { id: messageId } });
  // Retried like any failure: the row may belong to a transaction that has not committed yet.
  if (!message) throw new Error(`Email message ${messageId} not found`);
  if (message.status === "SENT") return "already-sent";
  if (message.status === "SUPPRESSED") return "suppressed";
  // Checked at send time, so mail queued before the bounce was reported is held back too.
  if (!ALWAYS_SENT_KINDS.has(message.kind) && (await isSuppressed(db, message.toAddress))) {
    await db.emailMessage.updateMany({ where: { id: messageId, status: "QUEUED" }, data: { status: "SUPPRESSED" } });
    return "suppressed";
  }
  const transport = getEmailTransport();
  await db.emailMessage.update({ where: { id: messageId }, data: { attempts: { increment: 1 } } });
  try {
    const { providerId } = await transport.send({
      to: message.toAddress,
      subject: message.subject,
      html: message.html,
      text: message.text,
      // The provider drops a second send with the same key, covering a crash between send and the update below.
      idempotencyKey: `email-${message.id}`,
      unsubscribeUrl: message.unsubscribeUrl,
    });
    const scrub = transport.name !== "dev-mailbox" && SECRET_KINDS.has(message.kind);
    await db.emailMessage.update({
      where: { id: messageId },
      data: {
        status: "SENT",
        sentAt: new Date(),
        transport: transport.name,
        providerId,
        lastError: null,
        ...(scrub ? { html: "[removed after sending: contained a one-time link]", text: "[removed after sending]" } : {}),
      },
    });
    return "sent";
  } catch (err) {
    const messageText = err instanceof Error ? err.message : String(err);
    await db.emailMessage.update({ where: { id: messageId }, data: { lastError: messageText.slice(0, 1000) } });
    logger.warn({ messageId, err: messageText }, "email send failed; will retry");
    throw err;
  }
}

/** Called by the worker when BullMQ has given up on a message. */
export async function markEmailFailed(db: Tx, messageId: string): Promise<void> {
  await db.emailMessage.updateMany({ where: { id: messageId, status: "QUEUED" }, data: { status: "FAILED" } });
}
