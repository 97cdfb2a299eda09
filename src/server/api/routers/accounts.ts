import { z } from "zod";
import {
  changePasswordSchema, passwordResetRequestSchema, passwordResetSchema, selfServiceRoleSchema, setLocaleSchema, signUpSchema, updateProfileSchema,
} from "@/lib/schemas/accounts";
import { requestPasswordReset, resetPassword } from "@/server/accounts/password-reset";
import {
  addOwnRole, changePassword, getProfile, profileSchema, retryOwnEmailAddresses, setOwnLocale, signOutEverywhere, updateProfile,
} from "@/server/accounts/profile";
import { signUp } from "@/server/accounts/sign-up";
import { headerLocale } from "@/server/i18n/caller-locale";
import { deleteAccount, deleteAccountSchema } from "@/server/accounts/account-data";
import { getStorage } from "@/server/storage/storage";
import { clientIp } from "@/server/security/client-ip";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const checkEmail = z.object({ status: z.literal("check-email") });

export const accountsRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema)
    .output(checkEmail)
    .mutation(({ ctx, input }) => signUp(ctx.db, input, { ip: clientIp(ctx.headers), locale: headerLocale(ctx.headers) })),

  requestPasswordReset: publicProcedure
    .input(passwordResetRequestSchema)
    .output(checkEmail)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input.email, { ip: clientIp(ctx.headers) })),

  resetPassword: publicProcedure
    .input(passwordResetSchema)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.token, input.password)),

  me: protectedProcedure.output(profileSchema).query(({ ctx }) => getProfile(ctx.db, ctx.session.user.id)),

  /** Clears the bounce/complaint mark on the caller's own addresses, so mail goes to them again. */
  retryEmailAddresses: protectedProcedure.output(profileSchema).mutation(({ ctx }) => retryOwnEmailAddresses(ctx.db, ctx.session.user.id)),
  updateProfile: protectedProcedure
    .input(updateProfileSchema)
    .output(profileSchema)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.session.user.id, input)),

  /** The caller's language for the app, emails and push (the switcher in the header and on the profile). */
  setLocale: protectedProcedure
    .input(setLocaleSchema)
    .output(setLocaleSchema)
    .mutation(({ ctx, input }) => setOwnLocale(ctx.db, ctx.session.user.id, input.locale)),

  addRole: protectedProcedure
    .input(z.object({ role: selfServiceRoleSchema }))
    .output(profileSchema)
    .mutation(({ ctx, input }) => addOwnRole(ctx.db, ctx.session.user.id, input.role)),

  /** Erases or anonymises the account (src/server/accounts/account-data.ts) and ends every session. */
  deleteAccount: protectedProcedure
    .input(deleteAccountSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteAccount(ctx.db, getStorage(), ctx.session.user.id, input)),

  signOutEverywhere: protectedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx.db, ctx.session.user.id);
    return { ok: true as const };
  }),

  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.session.user.id, input);
      return { ok: true as const };
    }),
});
