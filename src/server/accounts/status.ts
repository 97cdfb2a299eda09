/** Whether an account may act now, and the sentence that says why not. */
import type { UserStatus } from "@/generated/prisma/enums";

export type AccountState = { status: UserStatus; suspendedUntil: Date | null; statusReason: string | null };

/** A suspension whose end date has passed no longer blocks (it is lifted lazily, without a timer). */
export function blockedMessage(state: AccountState, now = new Date()): string | null {
  if (state.status === "BANNED") return "This account has been banned." + (state.statusReason ? ` Reason: ${state.statusReason}` : "");
  if (state.status === "SUSPENDED" && (!state.suspendedUntil || state.suspendedUntil > now)) {
    const until = state.suspendedUntil ? ` until ${state.suspendedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
    return `This account is suspended${until}.` + (state.statusReason ? ` Reason: ${state.statusReason}` : "");
  }
  return null;
}
