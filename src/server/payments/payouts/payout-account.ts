/**
 * Where a scooper sets up payouts. Stripe: a Connect Express account and its onboarding link; offline there is
 * nothing to set up (payouts stay in the ledger's `scooper_payable`), so the account is ready at once.
 */
import type { PaymentsContext } from "../context";
import { appUrl } from "@/server/email/templates";
import type { PayoutAccountLink } from "../types";

export async function createPayoutAccountLink(ctx: PaymentsContext, { scooperId }: { scooperId: string }): Promise<PayoutAccountLink> {
  const { db, stripe } = ctx;
  if (!stripe) {
    await db.payoutAccount.upsert({
      where: { userId: scooperId },
      create: { userId: scooperId, provider: "ledger", payoutsEnabled: true, detailsSubmitted: true },
      update: {},
    });
    return { status: "ready" };
  }
  let account = await db.payoutAccount.findUnique({ where: { userId: scooperId } });
  if (account?.provider !== "stripe" || !account.providerRef) {
    const user = await db.user.findUniqueOrThrow({ where: { id: scooperId }, select: { email: true } });
    const created = await stripe.accounts.create(
      { type: "express", email: user.email, capabilities: { transfers: { requested: true } }, metadata: { userId: scooperId } },
      { idempotencyKey: `user_${scooperId}_connect_account` },
    );
    const data = { provider: "stripe", providerRef: created.id, payoutsEnabled: created.payouts_enabled ?? false, detailsSubmitted: created.details_submitted ?? false };
    account = await db.payoutAccount.upsert({ where: { userId: scooperId }, create: { userId: scooperId, ...data }, update: data });
  }
  if (account.payoutsEnabled) return { status: "ready" };
  const link = await stripe.accountLinks.create(
    { account: account.providerRef!, type: "account_onboarding", refresh_url: appUrl("/earnings?onboarding=refresh"), return_url: appUrl("/earnings?onboarding=done") },
    // Links are single-use and short-lived: one per minute, so a double click gets the same one.
    { idempotencyKey: `user_${scooperId}_account_link_${Math.floor(Date.now() / 60_000)}` },
  );
  return { status: "onboarding", url: link.url };
}
