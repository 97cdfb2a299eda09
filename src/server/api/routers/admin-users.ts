import { z } from "zod";
import { banUser, grantRole, reasonSchema, reinstateUser, releasePostingHold, revokeRole, roleSchema, suspendUser } from "@/server/accounts/admin-users";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ok = z.object({ ok: z.literal(true) });
const done = { ok: true as const };

const userListItem = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(roleSchema),
  status: z.enum(["ACTIVE", "SUSPENDED", "BANNED"]),
  suspendedUntil: z.date().nullable(),
  createdAt: z.date(),
});

export const adminUsersRouter = createTRPCRouter({
  search: adminProcedure
    .input(z.object({ query: z.string().trim().max(200).default(""), take: z.number().int().min(1).max(100).default(50) }))
    .output(z.array(userListItem))
    .query(({ ctx, input }) =>
      ctx.db.user.findMany({
        where: input.query
          ? { OR: [{ email: { contains: input.query, mode: "insensitive" } }, { name: { contains: input.query, mode: "insensitive" } }] }
          : {},
        orderBy: { createdAt: "desc" },
        take: input.take,
        select: { id: true, email: true, name: true, roles: true, status: true, suspendedUntil: true, createdAt: true },
      }),
    ),

  grantRole: adminProcedure
    .input(z.object({ userId: z.string(), role: roleSchema, reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await grantRole(ctx.db, ctx.session.user, input.userId, input.role, input.reason), done)),

  revokeRole: adminProcedure
    .input(z.object({ userId: z.string(), role: roleSchema, reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await revokeRole(ctx.db, ctx.session.user, input.userId, input.role, input.reason), done)),

  suspend: adminProcedure
    .input(z.object({ userId: z.string(), until: z.date().nullable(), reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await suspendUser(ctx.db, ctx.session.user, input.userId, input.until, input.reason), done)),

  ban: adminProcedure
    .input(z.object({ userId: z.string(), reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await banUser(ctx.db, ctx.session.user, input.userId, input.reason), done)),

  releasePostingHold: adminProcedure
    .input(z.object({ userId: z.string(), reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await releasePostingHold(ctx.db, ctx.session.user, input.userId, input.reason), done)),

  reinstate: adminProcedure
    .input(z.object({ userId: z.string(), reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await reinstateUser(ctx.db, ctx.session.user, input.userId, input.reason), done)),
});
