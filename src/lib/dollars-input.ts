/**
 * A dollar amount as a person types it ("25", "25.5", "$12.50") into integer cents, or the code of why it is not
 * one (worded by the `validation` catalogue's `dollars.<code>` in the reader's language). A minus sign is
 * refused, never dropped: "-5" must not quietly become a $5 job or tip.
 */
export type DollarsError = "negative" | "notAmount" | "cents";
export type DollarsParse = { ok: true; cents: number } | { ok: false; error: DollarsError };

/** The `validation` catalogue key that words a refusal (the post, recurring and tip forms show it). */
export const dollarsErrorKey = (error: DollarsError) => `dollars.${error}` as const;

export function parseDollars(text: string): DollarsParse {
  const t = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (t.startsWith("-")) return { ok: false, error: "negative" };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, error: "notAmount" };
  const [, decimals = ""] = t.split(".");
  if (decimals.length > 2) return { ok: false, error: "cents" };
  return { ok: true, cents: Math.round(Number(t) * 100) };
}
