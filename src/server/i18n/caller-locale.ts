/**
 * The language of whoever made a request (issue 17): the signed-in user's saved `User.locale`, else the
 * `scoop-locale` cookie, else the browser's Accept-Language, else English (`resolveLocale`). The tRPC error path
 * and the route handlers answer refusals in it; sign-up saves it as the new account's language.
 */
import { parse as parseCookies } from "cookie";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import type { Tx } from "@/server/db";

/** `saved` (the session's `user.locale`) first, then the request's cookie, then Accept-Language. */
export function headerLocale(headers: Headers, saved?: string | null): Locale {
  return resolveLocale({ saved, cookie: parseCookies(headers.get("cookie") ?? "")[LOCALE_COOKIE], acceptLanguage: headers.get("accept-language") });
}

/** The recipient's language for emails and notifications: their saved choice, English when they made none. */
export async function recipientLocale(db: Tx, userId: string | null | undefined): Promise<Locale> {
  if (!userId) return resolveLocale({});
  const row = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return resolveLocale({ saved: row?.locale });
}
