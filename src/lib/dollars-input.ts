/**
 * A dollar amount as a person types it ("25", "25.5", "$12.50") into integer cents, or the words that say why it
 * is not one. A minus sign is refused, never dropped: "-5" must not quietly become a $5 job or tip.
 */
export type DollarsParse = { ok: true; cents: number } | { ok: false; error: string };

export function parseDollars(text: string): DollarsParse {
  const t = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (t.startsWith("-")) return { ok: false, error: "Amounts cannot be negative." };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, error: "Enter an amount in dollars, like 25 or 25.50." };
  const [, decimals = ""] = t.split(".");
  if (decimals.length > 2) return { ok: false, error: "Use at most two digits after the point (cents)." };
  return { ok: true, cents: Math.round(Number(t) * 100) };
}
