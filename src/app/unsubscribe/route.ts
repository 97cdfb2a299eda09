/**
 * One-click unsubscribe from a marketing-style email, signed-out. GET shows one button (mail scanners open
 * links, so opening one must not unsubscribe); POST — the button, or a mail client's RFC 8058
 * List-Unsubscribe-Post — turns that kind's email off. The token is signed (src/server/notifications/unsubscribe-token.ts).
 */
import { env } from "@/env";
import { isNotificationKind, NOTIFICATION_KINDS } from "@/lib/notification-kinds";
import { db } from "@/server/db";
import { unsubscribeEmail } from "@/server/notifications/preferences";
import { verifyUnsubscribeToken } from "@/server/notifications/unsubscribe-token";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Scoop</title></head><body style="font-family:system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#0f172a"><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}<p><a href="/">Scoop</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function parse(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const claim = verifyUnsubscribeToken(env.NEXTAUTH_SECRET, token);
  if (!claim || !isNotificationKind(claim.kind)) return null;
  return { token, userId: claim.userId, kind: claim.kind };
}

const invalid = () => page(400, "This unsubscribe link is not valid", "<p>Open the latest email again, or change your email settings on your profile.</p>");

export function GET(request: Request): Response {
  const claim = parse(request);
  if (!claim) return invalid();
  const label = NOTIFICATION_KINDS[claim.kind].label;
  return page(
    200,
    `Unsubscribe from “${label}”`,
    `<p>You will stop getting “${escapeHtml(label)}” emails. You can turn them back on from your profile.</p><form method="post" action="/unsubscribe?token=${encodeURIComponent(claim.token)}"><button type="submit" style="background:#157f42;color:#fff;border:0;padding:12px 20px;border-radius:8px;font-weight:600">Unsubscribe</button></form>`,
  );
}

export async function POST(request: Request): Promise<Response> {
  const claim = parse(request);
  if (!claim) return invalid();
  await unsubscribeEmail(db, claim.userId, claim.kind);
  const label = NOTIFICATION_KINDS[claim.kind].label;
  return page(200, "You are unsubscribed", `<p>No more “${escapeHtml(label)}” emails. Changed your mind? Turn them back on from your profile.</p>`);
}
