/**
 * The languages Scoop speaks and how one is chosen (issue 17): the user's saved choice, else the browser's
 * `Accept-Language`, else English. Isomorphic: the server, the worker (emails and push in the recipient's
 * language) and the browser share it.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The `Intl` locale each language formats dates, times and money with (Spanish as read in the US). */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-US", es: "es-US" };

/** The cookie a signed-out visitor's choice is kept in (a signed-in user's is saved on their account). */
export const LOCALE_COOKIE = "scoop-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an `Accept-Language` header, by its q-weights; null when none is supported. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return null;
}

/** Saved choice, else the cookie, else the browser's header, else English. */
export function resolveLocale(input: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.saved)) return input.saved;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
