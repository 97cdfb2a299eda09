/** The input rules of scooper onboarding (profile and statements), shared by src/server/accounts and the forms. */
import { z } from "zod";

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 40;
/** The service-area radii a scooper picks from, in km: a neighbourhood, a district, a city, a metro area. */
export const SERVICE_RADII_KM = [2, 5, 10, 25] as const;
export const ATTESTATION_TEXT_MIN = 10;
export const ATTESTATION_TEXT_MAX = 300;

export const scooperProfileInputSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(DISPLAY_NAME_MIN, `Your display name needs at least ${DISPLAY_NAME_MIN} characters.`)
    .max(DISPLAY_NAME_MAX, `Your display name can be at most ${DISPLAY_NAME_MAX} characters.`),
  serviceLat: z.number().min(-90).max(90),
  serviceLng: z.number().min(-180).max(180),
  serviceRadiusKm: z
    .number()
    .int()
    .refine((km) => (SERVICE_RADII_KM as readonly number[]).includes(km), `Pick a radius of ${SERVICE_RADII_KM.join(", ")} km.`),
});
export type ScooperProfileInput = z.input<typeof scooperProfileInputSchema>;

/** What the scooper accepts: each statement with the version they read (a reworded one must be read again). */
export const acceptAttestationsInputSchema = z.object({
  accepted: z.array(z.object({ id: z.string().min(1).max(100), version: z.number().int().min(1) })).min(1).max(50),
});

const attestationText = z
  .string()
  .trim()
  .min(ATTESTATION_TEXT_MIN, `A statement needs at least ${ATTESTATION_TEXT_MIN} characters.`)
  .max(ATTESTATION_TEXT_MAX, `A statement can be at most ${ATTESTATION_TEXT_MAX} characters.`);

export const attestationCreateSchema = z.object({ text: attestationText, required: z.boolean() });
export type AttestationCreateInput = z.input<typeof attestationCreateSchema>;
export const attestationUpdateSchema = z.object({
  id: z.string().min(1).max(100),
  text: attestationText,
  required: z.boolean(),
  active: z.boolean(),
});
export type AttestationUpdateInput = z.input<typeof attestationUpdateSchema>;
