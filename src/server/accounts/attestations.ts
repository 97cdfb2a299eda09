/**
 * The statements scoopers accept during onboarding ("I am 18 or older", …), written by admins on
 * /admin/attestations. Admins add, reword, mark required and deactivate (never delete: acceptances keep pointing at
 * them); each change is one audit row in the same transaction. Rewording bumps the version: a scooper's acceptance
 * of an older version no longer counts, so they accept the new wording before their next claim. Changing only
 * `required` or `active` keeps the version (the words the scooper accepted did not change).
 */
import { z } from "zod";
import type { attestationCreateSchema, attestationUpdateSchema, acceptAttestationsInputSchema } from "@/lib/schemas/scooper-onboarding";
import { recordAudit } from "@/server/audit/audit-log";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

export const attestationSchema = z.object({
  id: z.string(), text: z.string(), version: z.number().int(), required: z.boolean(), active: z.boolean(), updatedAt: z.date(),
});
export const myAttestationSchema = z.object({
  id: z.string(), text: z.string(), version: z.number().int(), required: z.boolean(),
  /** When the scooper accepted this version; null when they have not (or accepted only an older wording). */
  acceptedAt: z.date().nullable(),
  /** They accepted an earlier wording: the page says the statement changed. */
  acceptedEarlierVersion: z.boolean(),
});

const select = { id: true, text: true, version: true, required: true, active: true, updatedAt: true } as const;

export function listAttestations(db: Db) {
  return db.attestation.findMany({ orderBy: [{ active: "desc" }, { createdAt: "asc" }, { id: "asc" }], take: 200, select });
}

export async function createAttestation(db: Db, admin: { id: string }, input: z.output<typeof attestationCreateSchema>) {
  return db.$transaction(async (tx) => {
    const row = await tx.attestation.create({ data: { text: input.text, required: input.required }, select });
    await recordAudit(tx, { actorId: admin.id, action: "attestation.create", targetType: "attestation", targetId: row.id, after: row });
    return row;
  });
}

export async function updateAttestation(db: Db, admin: { id: string }, input: z.output<typeof attestationUpdateSchema>) {
  return db.$transaction(async (tx) => {
    // Locks the row so two admins' rewordings cannot both take the same next version.
    const [before] = await tx.$queryRaw<{ id: string; text: string; version: number; required: boolean; active: boolean }[]>`
      SELECT id, text, version, required, active FROM "Attestation" WHERE id = ${input.id} FOR UPDATE`;
    if (!before) throw new AppError("NOT_FOUND", "account.statementNotFound");
    const reworded = before.text !== input.text;
    if (!reworded && before.required === input.required && before.active === input.active) {
      throw new AppError("BAD_REQUEST", "account.statementUnchanged");
    }
    const row = await tx.attestation.update({
      where: { id: input.id },
      data: { text: input.text, required: input.required, active: input.active, version: reworded ? before.version + 1 : before.version },
      select,
    });
    const action = !reworded && before.active && !input.active ? "attestation.deactivate" : "attestation.update";
    await recordAudit(tx, { actorId: admin.id, action, targetType: "attestation", targetId: row.id, before, after: row });
    return row;
  });
}

/** The active statements for the scooper's onboarding page, with what they accepted. */
export async function myAttestations(db: Db, userId: string): Promise<z.infer<typeof myAttestationSchema>[]> {
  const rows = await db.attestation.findMany({
    where: { active: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true, version: true, required: true, acceptances: { where: { userId }, select: { version: true, acceptedAt: true } } },
  });
  return rows.map(({ acceptances, ...s }) => {
    const current = acceptances.find((a) => a.version === s.version);
    return { ...s, acceptedAt: current?.acceptedAt ?? null, acceptedEarlierVersion: !current && acceptances.length > 0 };
  });
}

/**
 * Records the scooper's acceptance of each statement at the version they read, with its wording. A statement
 * reworded (or deactivated) since the page loaded is refused with CONFLICT: they read the new words first.
 * Accepting the same version twice keeps the first acceptance.
 */
export async function acceptAttestations(db: Db, userId: string, input: z.output<typeof acceptAttestationsInputSchema>) {
  const acceptedAt = new Date();
  await db.$transaction(async (tx) => {
    const current = await tx.attestation.findMany({ where: { id: { in: input.accepted.map((a) => a.id) }, active: true }, select: { id: true, version: true, text: true } });
    const byId = new Map(current.map((s) => [s.id, s]));
    for (const item of input.accepted) {
      const statement = byId.get(item.id);
      if (!statement || statement.version !== item.version) {
        throw new AppError("CONFLICT", "account.statementChanged");
      }
    }
    await tx.attestationAcceptance.createMany({
      data: current.map((s) => ({ userId, attestationId: s.id, version: s.version, text: s.text, acceptedAt })),
      skipDuplicates: true,
    });
  });
  return myAttestations(db, userId);
}
