/**
 * Deterministic ids: the same (event, recipient[, channel/device]) always gives the same id, so a retried or
 * duplicated domain event hits the unique index / BullMQ jobId / email dedupeKey instead of sending twice.
 */
import crypto from "node:crypto";

const hash = (...parts: string[]) => crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

export const notificationId = (eventKey: string, recipientId: string) => `ntf_${hash(eventKey, recipientId)}`;
export const emailMessageId = (eventKey: string, recipientId: string) => `eml_${hash(eventKey, recipientId, "email")}`;
export const emailDedupeKey = (eventKey: string, recipientId: string) => `notify:${eventKey}:${recipientId}:email`;
export const pushMessageId = (notificationId: string, subscriptionId: string) => `psh_${hash(notificationId, subscriptionId, "push")}`;
