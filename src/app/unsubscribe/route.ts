/**
 * One-click unsubscribe from a marketing-style email, signed-out. GET shows one button (mail scanners open
 * links, so opening one must not unsubscribe); POST — the button, or a mail client's RFC 8058
 * List-Unsubscribe-Post — turns that kind's email off. The token is signed (src/server/notifications/unsubscribe-token.ts).
 * Worded in the recipient's language (the email's), or the visitor's when the link is not valid.
 */
import { env } from "@/env";
import type { Locale } from "@/lib/i18n/locales";
import enUi from "../../../messages/en/notifications-ui.json";
import esUi from "../../../messages/es/notifications-ui.json";
import { isNotificationKind } from "@/lib/notification-kinds";
import { db } from "@/server/db";
import { headerLocale, recipientLocale } from "@/server/i18n/caller-locale";
import { translatorFor } from "@/server/i18n/translate";
import { unsubscribeEmail } from "@/server/notifications/preferences";
import { verifyUnsubscribeToken } from "@/server/notifications/unsubscribe-token";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(locale: Locale, status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Scoop</title></head><body style="font-family:system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#0f172a"><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}<p><a href="/">Scoop</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function parse(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const claim = verifyUnsubscribeToken(env.NEXTAUTH_SECRET, token);
  if (!claim || !isNotificationKind(claim.kind)) return null;
  return { token, userId: claim.userId, kind: claim.kind };
}

/** The page's words (`emails` unsubscribePage.*) and a kind's name as the profile's preferences table says it. */
function words(locale: Locale) {
  const t = translatorFor(locale, "emails");
  const kinds = (locale === "es" ? esUi : enUi).prefs.kind as Record<string, Record<string, string>>;
  return {
    t: (key: "title" | "body" | "button" | "doneTitle" | "doneBody" | "invalidTitle" | "invalidBody", params?: { label: string }) => t(`unsubscribePage.${key}`, params),
    // Every kind has its name in both catalogues (notification-kinds.test.ts).
    kindLabel: (kind: string) => {
      const [group = "", name = ""] = kind.split(".");
      return kinds[group]![name]!;
    },
  };
}

function invalid(request: Request): Response {
  const locale = headerLocale(request.headers);
  const { t } = words(locale);
  return page(locale, 400, t("invalidTitle"), `<p>${escapeHtml(t("invalidBody"))}</p>`);
}

export async function GET(request: Request): Promise<Response> {
  const claim = parse(request);
  if (!claim) return invalid(request);
  const locale = await recipientLocale(db, claim.userId);
  const { t, kindLabel } = words(locale);
  const label = kindLabel(claim.kind);
  return page(
    locale,
    200,
    t("title", { label }),
    `<p>${escapeHtml(t("body", { label }))}</p><form method="post" action="/unsubscribe?token=${encodeURIComponent(claim.token)}"><button type="submit" style="background:#157f42;color:#fff;border:0;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(t("button"))}</button></form>`,
  );
}

export async function POST(request: Request): Promise<Response> {
  const claim = parse(request);
  if (!claim) return invalid(request);
  await unsubscribeEmail(db, claim.userId, claim.kind);
  const locale = await recipientLocale(db, claim.userId);
  const { t, kindLabel } = words(locale);
  return page(locale, 200, t("doneTitle"), `<p>${escapeHtml(t("doneBody", { label: kindLabel(claim.kind) }))}</p>`);
}
