/**
 * The one error shape that travels from server to form, `{ path, code, params }` (see the error formatter in
 * src/server/api/trpc.ts), and the words a person reads for it. Codes are zod's issue codes; the words never
 * echo zod's developer text ("Too big: expected string to have <=2000 characters"). A money field (its name
 * ends in `Cents`) says its limit in dollars. An issue whose schema's author wrote its own words carries them
 * as `params.message`.
 */
import { formatCents } from "./money";

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

const count = new Intl.NumberFormat("en-US");
const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : NaN);

export function issueWords(issue: FieldIssue): string {
  const field = String(issue.path[issue.path.length - 1] ?? "");
  const money = field.endsWith("Cents");
  const p = issue.params;
  const origin = p.origin;
  // Words the schema's author wrote (`.min(1, "Say what went wrong.")`) win over the generic ones.
  if (typeof p.message === "string" && p.message) return p.message;
  switch (issue.code) {
    case "too_big": {
      const max = num(p.maximum);
      if (origin === "string") return `Keep it to ${count.format(max)} characters or fewer.`;
      if (origin === "array" || origin === "set") return `Choose at most ${count.format(max)}.`;
      return money ? `At most ${formatCents(max)}.` : `At most ${count.format(max)}.`;
    }
    case "too_small": {
      const min = num(p.minimum);
      if (origin === "string") return min <= 1 ? "Please fill this in." : `Use at least ${count.format(min)} characters.`;
      if (origin === "array" || origin === "set") return min <= 1 ? "Choose at least one." : `Choose at least ${count.format(min)}.`;
      return money ? `At least ${formatCents(min)}.` : `At least ${count.format(min)}.`;
    }
    case "invalid_type":
      return p.received === "undefined" || p.received === "null" ? "Please fill this in." : money ? "Enter an amount in dollars, like 25 or 25.50." : "This value is not valid.";
    case "not_multiple_of":
      return money ? "Use whole cents." : "Use a whole number.";
    case "invalid_format":
      return p.format === "email" ? "Enter an email address, like name@example.com." : "This is not in the expected format.";
    case "invalid_value":
      return "Choose one of the options.";
    default:
      return "This value is not valid.";
  }
}

/** Words per top-level field (the first issue of each is what the form shows first). */
export function fieldWords(issues: FieldIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "");
    (out[key] ??= []).push(issueWords(issue));
  }
  return out;
}
