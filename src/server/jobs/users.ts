import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Refuses suspended and banned users. With `lock`, the user's row stays locked until the transaction ends,
 * which serialises that user's claims so the active-claim limit cannot be passed by racing requests.
 */
export async function requireActiveUser(tx: Tx, userId: string, action: string, opts: { lock?: boolean } = {}): Promise<void> {
  const rows = opts.lock
    ? await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "User" WHERE id = ${userId} FOR UPDATE`
    : await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "User" WHERE id = ${userId}`;
  const status = rows[0]?.status;
  if (!status) throw new AppError("UNAUTHORIZED", "auth.signInAgain");
  if (status !== "ACTIVE") throw new AppError("FORBIDDEN", "auth.accountBlocked", { status, action });
}
