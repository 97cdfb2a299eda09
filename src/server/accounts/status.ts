/** Whether an account may act now, and the sentence that says why not. */
import type { UserStatus } from "@/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { errorMessage } from "@/server/errors";

export type AccountState = { status: UserStatus; suspendedUntil: Date | null; statusReason: string | null };

/**
 * A suspension whose end date has passed no longer blocks (it is lifted lazily, without a timer). The sentence is
 * in `locale` (the account's own language where the caller knows it; the sign-in page's caller's otherwise).
 */
export function blockedMessage(state: AccountState, now = new Date(), locale: Locale = "en"): string | null {
  const reason = state.statusReason ? ` ${errorMessage(locale, "auth.blockedReason", { reason: state.statusReason })}` : "";
  if (state.status === "BANNED") return errorMessage(locale, "auth.banned") + reason;
  if (state.status === "SUSPENDED" && (!state.suspendedUntil || state.suspendedUntil > now)) {
    const sentence = state.suspendedUntil
      ? errorMessage(locale, "auth.suspendedUntil", { until: state.suspendedUntil.toISOString().slice(0, 16).replace("T", " ") })
      : errorMessage(locale, "auth.suspended");
    return sentence + reason;
  }
  return null;
}
