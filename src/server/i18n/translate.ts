/**
 * The server's words (issue 17): error messages, emails and notifications, in English and Spanish. One
 * `createTranslator` per language and namespace over the server's own catalogues (messages/<locale>/errors.json,
 * emails.json, push.json), so it works anywhere: the tRPC error path, route handlers, the notification service and
 * the worker. The app's pages read their own namespaces through next-intl's request config; this module loads none
 * of those. To add a namespace: add its two JSON files below and to SERVER_NAMESPACES.
 */
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import enEmails from "../../../messages/en/emails.json";
import enErrors from "../../../messages/en/errors.json";
import enPush from "../../../messages/en/push.json";
import esEmails from "../../../messages/es/emails.json";
import esErrors from "../../../messages/es/errors.json";
import esPush from "../../../messages/es/push.json";

export type ServerMessages = { errors: typeof enErrors; emails: typeof enEmails; push: typeof enPush };
export type ServerNamespace = keyof ServerMessages;
export const SERVER_NAMESPACES = ["errors", "emails", "push"] as const satisfies readonly ServerNamespace[];

/** Spanish is typed as English so a key missing from either file fails the build (catalogues.test.ts checks the rest). */
const CATALOGUES: Record<Locale, ServerMessages> = {
  en: { errors: enErrors, emails: enEmails, push: enPush },
  es: { errors: esErrors, emails: esEmails, push: esPush },
};

/** "group.key" for every string of a two-level catalogue (the shape every server namespace keeps). */
export type KeyOf<T> = { [G in keyof T & string]: T[G] extends string ? G : `${G}.${keyof T[G] & string}` }[keyof T & string];
export type MessageParams = Record<string, string | number | Date>;
export type Translate<N extends ServerNamespace> = (key: KeyOf<ServerMessages[N]>, params?: MessageParams) => string;

// Message times are formatted by the callers (in APP_TIMEZONE); a zone here only silences next-intl's fallback warning.
const TIME_ZONE = "America/New_York";

const cache = new Map<string, (key: string, params?: MessageParams) => string>();

/** A translator for one language and namespace; a missing key or a bad placeholder throws instead of printing a key. */
export function translatorFor<N extends ServerNamespace>(locale: Locale, namespace: N): Translate<N> {
  const id = `${locale}:${namespace}`;
  let t = cache.get(id);
  if (!t) {
    const translator = createTranslator({
      locale,
      messages: CATALOGUES[locale] as unknown as Record<string, Record<string, unknown>>,
      namespace,
      timeZone: TIME_ZONE,
      onError: (err) => {
        throw err;
      },
    }) as unknown as (key: string, params?: MessageParams) => string;
    t = (key, params) => translator(key, params);
    cache.set(id, t);
  }
  return t as Translate<N>;
}

/** The raw catalogue (the completeness test and the templates' lists read it). */
export function catalogue<N extends ServerNamespace>(locale: Locale, namespace: N): ServerMessages[N] {
  return CATALOGUES[locale][namespace];
}

export const englishFor = <N extends ServerNamespace>(namespace: N) => translatorFor(DEFAULT_LOCALE, namespace);
