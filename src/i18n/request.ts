/**
 * next-intl's request configuration, without locale segments in URLs: the language of a request is the signed-in
 * user's saved choice, else the `scoop-locale` cookie (a signed-out visitor's switcher), else the browser's
 * Accept-Language, else English (resolveLocale in src/lib/i18n/locales.ts).
 */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { getCurrentSession } from "@/server/auth/current-session";
import { loadMessages } from "./messages";

export async function requestLocale(): Promise<Locale> {
  const [session, cookieStore, headerList] = await Promise.all([getCurrentSession(), cookies(), headers()]);
  return resolveLocale({
    saved: session?.user.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (`getTranslations({ locale })`) wins over the request's.
  const locale: Locale = isLocale(explicit) ? explicit : await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
  };
});
