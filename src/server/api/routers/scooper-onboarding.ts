/**
 * Scooper onboarding (src/server/accounts/scooper-onboarding.ts): a scooper reads their steps, saves their own
 * profile and accepts the statements (no procedure takes a user id: each writes the caller's own rows); admins
 * manage the statements, each change audited. The profile photo is uploaded through /api/scooper/photo.
 */
import { z } from "zod";
import {
  acceptAttestationsInputSchema, attestationCreateSchema, attestationUpdateSchema, scooperProfileInputSchema,
} from "@/lib/schemas/scooper-onboarding";
import {
  acceptAttestations, attestationSchema, createAttestation, listAttestations, myAttestations, myAttestationSchema, updateAttestation,
} from "@/server/accounts/attestations";
import { myOnboarding, onboardingStatusSchema } from "@/server/accounts/scooper-onboarding";
import { getScooperProfile, saveScooperProfile, scooperProfileSchema } from "@/server/accounts/scooper-profile";
import { adminProcedure, createTRPCRouter, scooperProcedure } from "../trpc";

export const scooperOnboardingRouter = createTRPCRouter({
  mine: scooperProcedure
    .output(z.object({ status: onboardingStatusSchema, profile: scooperProfileSchema, attestations: z.array(myAttestationSchema) }))
    .query(async ({ ctx }) => {
      const userId = ctx.session.user.id;
      const [status, profile, attestations] = await Promise.all([myOnboarding(ctx.db, userId), getScooperProfile(ctx.db, userId), myAttestations(ctx.db, userId)]);
      return { status, profile, attestations };
    }),
  saveProfile: scooperProcedure
    .input(scooperProfileInputSchema)
    .output(scooperProfileSchema)
    .mutation(({ ctx, input }) => saveScooperProfile(ctx.db, ctx.session.user.id, input)),
  accept: scooperProcedure
    .input(acceptAttestationsInputSchema)
    .output(z.array(myAttestationSchema))
    .mutation(({ ctx, input }) => acceptAttestations(ctx.db, ctx.session.user.id, input)),
});

export const adminAttestationsRouter = createTRPCRouter({
  list: adminProcedure.output(z.array(attestationSchema)).query(({ ctx }) => listAttestations(ctx.db)),
  create: adminProcedure
    .input(attestationCreateSchema)
    .output(attestationSchema)
    .mutation(({ ctx, input }) => createAttestation(ctx.db, ctx.session.user, input)),
  update: adminProcedure
    .input(attestationUpdateSchema)
    .output(attestationSchema)
    .mutation(({ ctx, input }) => updateAttestation(ctx.db, ctx.session.user, input)),
});
