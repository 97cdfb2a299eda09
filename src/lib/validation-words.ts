/**
 * The one error shape that travels from server to form, `{ path, code, params }` (see the error formatter in
 * src/server/api/trpc.ts), and the words a person reads for it. Codes are zod's issue codes; the words never
 * echo zod's developer text ("Too big: expected string to have <=2000 characters"). A money field (its name
 * ends in `Cents`) says its limit in dollars. An issue whose schema's author wrote its own words carries them
 * as `params.message`. The words come from the `validation` catalogue (messages/{en,es}/validation.json) in the
 * caller's language: the one passed, else (in the browser) the page's `<html lang>`, else English.
 */
import { createTranslator } from "next-intl";
import en from "../../messages/en/validation.json";
import es from "../../messages/es/validation.json";
import { DEFAULT_LOCALE, INTL_LOCALE, isLocale, type Locale } from "./i18n/locales";
import { formatCents } from "./money";

const CATALOGUES = { en, es } satisfies Record<Locale, typeof en>;
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
function makeTranslator(locale: Locale) {
  return createTranslator({ locale: INTL_LOCALE[locale], messages: { validation: CATALOGUES[locale] }, namespace: "validation" });
}
function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

/** The language of the page this runs in (`<html lang>`), or English on the server when none is passed. */
function callerLocale(locale?: Locale): Locale {
  if (locale) return locale;
  const lang = typeof document === "undefined" ? null : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export type FieldIssue = { path: (string | number)[]; code: string; params: Record<string, unknown> };

/** An issue's plain values (limits, origin, format) as `params`: never its input, its message or zod's internals. */
export function issueParams(issue: object): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(issue)) {
    if (k === "path" || k === "code" || k === "message" || k === "input") continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") params[k] = v;
    else if (typeof v === "bigint") params[k] = Number(v);
  }
  return params;
}

/**
 * zod's per-parse error customizer that gives every issue without its author's words the same plain words the
 * server's issues get in the browser: a form validating with a shared schema says what a server refusal would.
 */
export function plainWordsError(issue: { code?: string; path?: PropertyKey[] }): string {
  const path = (issue.path ?? []).filter((s): s is string | number => typeof s !== "symbol");
  return issueWords({ path, code: issue.code ?? "custom", params: issueParams(issue) });
}

const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : NaN);

export function issueWords(issue: FieldIssue, locale?: Locale): string {
  const lang = callerLocale(locale);
  const t = translator(lang);
  const field = String(issue.path[issue.path.length - 1] ?? "");
  const money = field.endsWith("Cents");
  const p = issue.params;
  const origin = p.origin;
  // Words the schema's author wrote (`.min(1, "Say what went wrong.")`) win over the generic ones.
  if (typeof p.message === "string" && p.message) return p.message;
  switch (issue.code) {
    case "too_big": {
      const max = num(p.maximum);
      if (origin === "string") return t("stringTooLong", { max });
      if (origin === "array" || origin === "set") return t("chooseAtMost", { max });
      return money ? t("atMostAmount", { amount: formatCents(max, lang) }) : t("atMost", { max });
    }
    case "too_small": {
      const min = num(p.minimum);
      if (origin === "string") return min <= 1 ? t("fillIn") : t("stringTooShort", { min });
      if (origin === "array" || origin === "set") return min <= 1 ? t("chooseOne") : t("chooseAtLeast", { min });
      return money ? t("atLeastAmount", { amount: formatCents(min, lang) }) : t("atLeast", { min });
    }
    case "invalid_type":
      return p.received === "undefined" || p.received === "null" ? t("fillIn") : money ? t("amountInDollars") : t("notValid");
    case "not_multiple_of":
      return money ? t("wholeCents") : t("wholeNumber");
    case "invalid_format":
      return p.format === "email" ? t("email") : t("format");
    case "invalid_value":
      return t("chooseOption");
    default:
      return t("notValid");
  }
}

/** The sentence above a form whose fields carry the errors, or that failed without a reason, in the caller's language. */
export function formWords(which: "fixFields" | "somethingWrong", locale?: Locale): string {
  return translator(callerLocale(locale))(which);
}

/** Words per top-level field (the first issue of each is what the form shows first). */
export function fieldWords(issues: FieldIssue[], locale?: Locale): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "");
    (out[key] ??= []).push(issueWords(issue, locale));
  }
  return out;
}
