/**
 * The message catalogues: one JSON file per namespace and language, messages/<locale>/<namespace>.json at the
 * repository root (docs/i18n.md). Every namespace is listed here once; adding a catalogue is one line.
 * The server loads them all for the request's language; the browser gets only CLIENT_NAMESPACES (src/app/layout.tsx),
 * the ones client components translate with, so no page ships every catalogue.
 */
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";

export const NAMESPACES = [
  "common", "header", "landing", "board", "jobs", "post", "recurring", "yards", "today", "payments", "earnings",
  "admin", "accounts", "notifications-ui", "validation", "offline", "sign-in", "pages", "dev", "receipts", "onboarding",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The namespaces client components use (`useTranslations`), passed to NextIntlClientProvider. */
export const CLIENT_NAMESPACES: Namespace[] = [
  "common", "header", "board", "jobs", "post", "recurring", "yards", "today", "payments", "accounts",
  "notifications-ui", "validation", "offline", "onboarding",
];

/** The admin pages' client catalogues: the app's plus `admin` (13 kB that no other page needs). */
export const ADMIN_CLIENT_NAMESPACES: Namespace[] = [...CLIENT_NAMESPACES, "admin"];

export async function loadMessages(locale: Locale): Promise<AbstractIntlMessages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default as AbstractIntlMessages] as const),
  );
  return Object.fromEntries(entries);
}

/** Only the given namespaces of a loaded catalogue. */
export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly Namespace[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
}
