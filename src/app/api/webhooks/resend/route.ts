import { env } from "@/env";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { applyResendEvent, resendEventSchema } from "@/server/email/suppressions";
import { verifySvix } from "@/server/email/svix-signature";

export const dynamic = "force-dynamic";

/**
 * Resend's webhook endpoint (bounces and complaints). 400, changing nothing, when the Svix signature does not
 * verify or the body is not an event; 200 once the addresses are marked; 500 otherwise, so Resend retries.
 */
export async function POST(req: Request) {
  if (!env.RESEND_WEBHOOK_SECRET) return Response.json({ error: "Webhook not configured" }, { status: 400 });
  // The signature covers the exact bytes Resend sent: verify the raw text, never re-serialized JSON.
  const rawBody = await req.text();
  const headers = { id: req.headers.get("svix-id"), timestamp: req.headers.get("svix-timestamp"), signature: req.headers.get("svix-signature") };
  if (!verifySvix(env.RESEND_WEBHOOK_SECRET, headers, rawBody)) return Response.json({ error: "Invalid signature" }, { status: 400 });
  let event;
  try {
    event = resendEventSchema.parse(JSON.parse(rawBody));
  } catch {
    return Response.json({ error: "Not a Resend event" }, { status: 400 });
  }
  try {
    const marked = await applyResendEvent(db, event, headers.id!);
    if (marked.length) logger.info({ type: event.type, count: marked.length }, "email addresses marked undeliverable");
    return Response.json({ received: true });
  } catch (err) {
    logger.error({ err, svixId: headers.id }, "could not apply a Resend webhook event");
    return Response.json({ error: "Could not apply the event" }, { status: 500 });
  }
}
