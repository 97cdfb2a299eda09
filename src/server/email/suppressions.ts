/**
 * Addresses that bounced or complained. Resend's webhook (POST /api/webhooks/resend) marks them; the worker
 * then sends them nothing but password resets (send-email.ts); the owner sees it on /profile and can ask to try
 * the address again (or set another notification address).
 */
import { z } from "zod";
import type { Tx } from "@/server/db";

/** Still sent to a suppressed address: without it a user whose inbox bounced once could never get back in. */
export const ALWAYS_SENT_KINDS: ReadonlySet<string> = new Set(["password-reset"]);

/** The parts of Resend's webhook events this app acts on; any other type is acknowledged and ignored. */
export const resendEventSchema = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z.object({ message: z.string().optional(), type: z.string().optional(), subType: z.string().optional() }).partial().optional(),
    })
    .passthrough(),
});
export type ResendEvent = z.infer<typeof resendEventSchema>;

const REASONS: Record<string, "bounced" | "complained"> = { "email.bounced": "bounced", "email.complained": "complained" };

const normalize = (address: string) => address.trim().toLowerCase();

/** Marks the event's recipients. Idempotent: a redelivered event rewrites the same rows. Returns the addresses marked. */
export async function applyResendEvent(db: Tx, event: ResendEvent, eventId: string): Promise<string[]> {
  const reason = REASONS[event.type];
  if (!reason) return [];
  const to = event.data.to === undefined ? [] : Array.isArray(event.data.to) ? event.data.to : [event.data.to];
  // "Name <a@b>" forms are reduced to the address.
  const addresses = [...new Set(to.map((t) => normalize(/<([^>]+)>/.exec(t)?.[1] ?? t)).filter((a) => a.includes("@")))];
  const detail = event.data.bounce?.message?.slice(0, 500) ?? null;
  for (const address of addresses) {
    await db.emailSuppression.upsert({
      where: { address },
      create: { address, reason, detail, eventId },
      update: { reason, detail, eventId },
    });
  }
  return addresses;
}

export async function isSuppressed(db: Tx, address: string): Promise<boolean> {
  return (await db.emailSuppression.count({ where: { address: normalize(address) } })) > 0;
}

export const undeliverableSchema = z.object({ address: z.string(), reason: z.enum(["bounced", "complained"]), since: z.date(), detail: z.string().nullable() });
export type Undeliverable = z.infer<typeof undeliverableSchema>;

/** The user's own addresses (sign-in and notification) that mail no longer goes to. */
export async function undeliverableAddresses(db: Tx, addresses: (string | null)[]): Promise<Undeliverable[]> {
  const own = [...new Set(addresses.filter((a): a is string => !!a).map(normalize))];
  const rows = await db.emailSuppression.findMany({ where: { address: { in: own } }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ address: r.address, reason: r.reason === "complained" ? "complained" : "bounced", since: r.updatedAt, detail: r.detail }));
}

/** The owner says the address works again: mail resumes (a new bounce marks it again). */
export async function clearSuppressions(db: Tx, addresses: (string | null)[]): Promise<void> {
  const own = addresses.filter((a): a is string => !!a).map(normalize);
  await db.emailSuppression.deleteMany({ where: { address: { in: own } } });
}
