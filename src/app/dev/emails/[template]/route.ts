/**
 * Development preview of every email template with sample data: /dev/emails/<name> (HTML) and
 * /dev/emails/<name>?format=text (the plain-text part); add &locale=es for Spanish. 404 in production unless
 * DEV_MAILBOX_ENABLED=1.
 */
import { env } from "@/env";
import { isLocale } from "@/lib/i18n/locales";
import { EMAIL_TEMPLATES, renderSample, type EmailTemplateName } from "@/server/email/templates/catalog";

export const dynamic = "force-dynamic";

function previewEnabled(): boolean {
  return env.NODE_ENV !== "production" || env.DEV_MAILBOX_ENABLED === "1";
}

export async function GET(request: Request, ctx: { params: Promise<{ template: string }> }): Promise<Response> {
  const { template } = await ctx.params;
  if (!previewEnabled() || !Object.hasOwn(EMAIL_TEMPLATES, template)) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const locale = search.get("locale");
  const email = await renderSample(template as EmailTemplateName, isLocale(locale) ? locale : undefined);
  if (search.get("format") === "text") {
    return new Response(`Subject: ${email.subject}\n\n${email.text}`, { headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(email.html, { headers: { "content-type": "text/html; charset=utf-8", "x-email-subject": encodeURIComponent(email.subject) } });
}
