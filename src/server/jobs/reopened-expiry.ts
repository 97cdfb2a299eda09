/** A released job keeps its original expiry, but never returns to the board with less than `minRemainingMs` left. */
export function reopenedExpiry(originalExpiresAt: Date, now: Date, minRemainingMs: number): Date {
  return new Date(Math.max(originalExpiresAt.getTime(), now.getTime() + minRemainingMs));
}
