/**
 * Saved yards: a customer's yards (address, pin, postal code, private access notes, dog count, unsafe-dog flag and
 * default job details), saved once and picked when posting a job or creating a recurring cleanup. Picking copies the
 * yard into the form's fields (the dog count and warning into the public notes, `yardJobNotes`), so the job or
 * subscription keeps its own copy: editing or deleting the yard changes nothing already posted. Only the owner reads
 * a yard; its access notes reach a scooper only through a job, under the job's own visibility and reveal log.
 */
import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recurringDtoSchema } from "@/server/recurring/schemas";

export const MAX_SAVED_YARDS = 20;

import { savedYardInputSchema, type SavedYardInput } from "@/lib/schemas/yards";

/** The job details as a recurring cleanup returns them, and the yard's own fields. */
export const savedYardSchema = recurringDtoSchema
  .pick({ address: true, postalCode: true, lat: true, lng: true, priceCents: true, type: true, pileEstimate: true, litterLevel: true, yardSegments: true, publicNotes: true, accessNotes: true })
  .extend({ id: z.string(), label: z.string(), dogCount: z.number().int(), unsafeDog: z.boolean(), updatedAt: z.date() });
export type SavedYardDto = z.infer<typeof savedYardSchema>;

const select = {
  id: true, label: true, address: true, postalCode: true, lat: true, lng: true, priceCents: true, type: true, pileEstimate: true,
  litterLevel: true, yardSegments: true, publicNotes: true, accessNotes: true, dogCount: true, unsafeDog: true, updatedAt: true,
} as const;

function rowData(raw: SavedYardInput) {
  const v = savedYardInputSchema.parse(raw);
  return {
    label: v.label, address: v.address, postalCode: v.postalCode || null, lat: v.lat, lng: v.lng, priceCents: v.priceCents, type: v.type,
    // Only the fields the type calls for, like a job.
    pileEstimate: v.type === "LITTER" ? null : (v.pileEstimate ?? null),
    litterLevel: v.type === "POOP" ? null : (v.litterLevel ?? null),
    yardSegments: [...new Set(v.yardSegments)], publicNotes: v.publicNotes || null, accessNotes: v.accessNotes || null,
    dogCount: v.dogCount, unsafeDog: v.unsafeDog,
  };
}

export function listSavedYards(db: Db, customerId: string): Promise<SavedYardDto[]> {
  return db.savedYard.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
}

export async function createSavedYard(db: Db, customerId: string, input: SavedYardInput): Promise<SavedYardDto> {
  const data = rowData(input);
  return db.$transaction(async (tx) => {
    // Serialise one customer's saves on their row so two at once cannot both pass the limit.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${customerId} FOR UPDATE`;
    if ((await tx.savedYard.count({ where: { customerId } })) >= MAX_SAVED_YARDS) {
      throw new AppError("PRECONDITION_FAILED", "yard.limit", { max: MAX_SAVED_YARDS });
    }
    return tx.savedYard.create({ data: { ...data, customerId }, select });
  });
}

/** Another customer's yard is NOT_FOUND, like a missing one. Jobs posted from it keep their own copy. */
export async function updateSavedYard(db: Db, customerId: string, id: string, input: SavedYardInput): Promise<SavedYardDto> {
  const data = rowData(input);
  const { count } = await db.savedYard.updateMany({ where: { id, customerId }, data });
  if (count !== 1) throw new AppError("NOT_FOUND", "yard.notFound");
  return db.savedYard.findUniqueOrThrow({ where: { id }, select });
}

export async function deleteSavedYard(db: Db, customerId: string, id: string): Promise<void> {
  const { count } = await db.savedYard.deleteMany({ where: { id, customerId } });
  if (count !== 1) throw new AppError("NOT_FOUND", "yard.notFound");
}
