/**
 * The double-entry ledger: accounts and balanced transactions. Every transaction's entries sum to zero (checked
 * here before anything is written: the migration engine cannot create the plpgsql trigger that would also
 * check it in the database). Positive amounts flow into an account, negative ones out of it.
 *
 * Accounts (ids are their keys, created on first use):
 * - `customer_funding:<userId>`  the customer's card, outside the platform (negative = what they paid)
 * - `customer_held:<userId>`     authorized, not yet captured
 * - `platform_revenue`           the platform's fees
 * - `scooper_payable:<userId>`   owed to (with Stripe: transferred to) a scooper
 */
import type { LedgerAccountKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";

export type AccountRef = { key: string; kind: LedgerAccountKind; ownerId: string | null };

export const accounts = {
  customerFunding: (userId: string): AccountRef => ({ key: `customer_funding:${userId}`, kind: "CUSTOMER_FUNDING", ownerId: userId }),
  customerHeld: (userId: string): AccountRef => ({ key: `customer_held:${userId}`, kind: "CUSTOMER_HELD", ownerId: userId }),
  platformRevenue: (): AccountRef => ({ key: "platform_revenue", kind: "PLATFORM_REVENUE", ownerId: null }),
  scooperPayable: (userId: string): AccountRef => ({ key: `scooper_payable:${userId}`, kind: "SCOOPER_PAYABLE", ownerId: userId }),
};

export type LedgerLine = { account: AccountRef; amountCents: number };

export class UnbalancedLedgerTransactionError extends Error {}

/** Throws unless the lines are whole cents and sum to zero. Zero lines are dropped. */
export function balancedLines(lines: LedgerLine[]): LedgerLine[] {
  const kept = lines.filter((l) => l.amountCents !== 0);
  if (kept.some((l) => !Number.isSafeInteger(l.amountCents))) throw new UnbalancedLedgerTransactionError("ledger amounts must be whole cents");
  const sum = kept.reduce((acc, l) => acc + l.amountCents, 0);
  if (sum !== 0) throw new UnbalancedLedgerTransactionError(`ledger transaction does not balance: sums to ${sum}`);
  return kept;
}

export async function postLedgerTransaction(
  tx: Tx,
  input: { kind: string; jobId: string | null; operationId: string | null; lines: LedgerLine[] },
): Promise<string> {
  const lines = balancedLines(input.lines);
  const unique = new Map(lines.map((l) => [l.account.key, l.account]));
  await tx.ledgerAccount.createMany({
    data: [...unique.values()].map((a) => ({ id: a.key, key: a.key, kind: a.kind, ownerId: a.ownerId })),
    skipDuplicates: true,
  });
  const transaction = await tx.ledgerTransaction.create({
    data: {
      kind: input.kind,
      jobId: input.jobId,
      operationId: input.operationId,
      entries: { create: lines.map((l) => ({ accountId: l.account.key, amountCents: l.amountCents })) },
    },
    select: { id: true },
  });
  return transaction.id;
}

/** Sum of an account's entries (0 for an account never used). */
export async function accountBalance(db: Tx, account: AccountRef): Promise<number> {
  const { _sum } = await db.ledgerEntry.aggregate({ where: { accountId: account.key }, _sum: { amountCents: true } });
  return _sum.amountCents ?? 0;
}
