/**
 * The tRPC backbone, read top to bottom:
 * 1. CONTEXT: what every procedure gets (db, the session, the request's headers and request id). Built the
 *    same way for HTTP requests and (from the real-time issue on) WebSocket connections.
 * 2. INIT: superjson for Dates, and an error formatter that puts flattened zod errors in `data.zodError` (and
 *    `data.issues`, the `{ path, code, params }` shape forms turn into words), a domain refusal's
 *    `{ reason, params }` in `data` with its message in the caller's language (src/server/i18n), and
 *    never leaks a stack trace or an internal message outside development.
 * 3. PROCEDURES: the ladder public → protected (signed in) → role. Add new rungs here, not in routers.
 */
import * as Sentry from "@sentry/core";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { db } from "@/server/db";
import { AppError, errorMessage } from "@/server/errors";
import { headerLocale } from "@/server/i18n/caller-locale";
import type { Locale } from "@/lib/i18n/locales";
import { toFieldIssues } from "@/server/api/field-issues";
import { logger } from "@/server/logger";
import { reportError } from "@/server/observability/error-reporting";
import { isRedisUnavailable } from "@/server/redis";
import {
  getRequestContext,
  newRequestId,
  REQUEST_ID_HEADER,
  requestIdFrom,
  runWithRequestContext,
} from "@/server/observability/request-context";
import { clientIp, UNKNOWN_IP } from "@/server/security/client-ip";
import { findBadInput } from "@/server/security/input-guard";
import { enforceRateLimits, type RateLimitHit, type RateLimitRule, type RateLimitSubject } from "@/server/security/rate-limit";
import { can, PERMISSIONS, type Permission } from "@/lib/permissions";

import type { Session } from "@/server/auth/session-type";
import { tracingOn } from "@/server/observability/sentry-options";

export type { Session, SessionUser } from "@/server/auth/session-type";

export type CreateContextOptions = { headers: Headers; session: Session | null };

export function createTRPCContext(opts: CreateContextOptions) {
  // The web server stamps x-request-id on every request (src/server/web-server.ts); callers without one
  // (tests, scripts) inherit the surrounding context's id or get a fresh one.
  const header = opts.headers.get(REQUEST_ID_HEADER);
  const requestId = header ? requestIdFrom(header) : (getRequestContext()?.requestId ?? newRequestId());
  return { db, headers: opts.headers, session: opts.session, requestId };
}
export type Context = ReturnType<typeof createTRPCContext>;

/**
 * The caller's language of an error that went through `errorMapping` (the session's saved choice, else the
 * request's cookie and Accept-Language); errors raised before it fall back to the request's headers.
 */
const errorLocales = new WeakMap<TRPCError, Locale>();

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const locale = errorLocales.get(error) ?? (ctx ? headerLocale(ctx.headers) : "en");
    const refusal = error.cause instanceof AppError ? error.cause : null;
    return {
      ...shape,
      // Internal errors keep their message in the logs; the browser gets a generic sentence.
      message: internal ? errorMessage(locale, "server.internal") : refusal ? refusal.messageIn(locale) : shape.message,
      data: {
        // A refusal's words as data, so a client can say it in its own words: a key of messages/<locale>/errors.json.
        reason: refusal?.reason,
        params: refusal?.params,
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError,
        // The plain-words path: `{ path, code, params }` per issue (src/server/api/field-issues.ts).
        issues: error.cause instanceof ZodError ? toFieldIssues(error.cause) : undefined,
        retryAfterSeconds: error.cause instanceof AppError ? (error.cause.details?.retryAfterSeconds as number | undefined) : undefined,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const mergeRouters = t.mergeRouters;

/**
 * Runs the procedure inside its request context (so logs and enqueued jobs carry the request and user id) and
 * turns domain errors into tRPC errors with the same code; anything unexpected is logged, reported to Sentry
 * and becomes a 500.
 */
const errorMapping = t.middleware(({ ctx, next, path, type }) =>
  // The HTTP handler's timing (Server-Timing header) carries on into the procedure.
  runWithRequestContext({ requestId: ctx.requestId, userId: ctx.session?.user.id, timing: getRequestContext()?.timing }, async () => {
    const result = await next();
    if (!result.ok) {
      const cause = result.error.cause;
      // The caller's saved language came with the session (no query on the refusal path, which races may crowd).
      const locale = headerLocale(ctx.headers, ctx.session?.user.locale);
      // The refusal's message is in the caller's language here already, so server-side callers (RSC, tests) get it too.
      const refuse = (refusal: AppError) => {
        const error = new TRPCError({ code: refusal.code, message: refusal.messageIn(locale), cause: refusal });
        errorLocales.set(error, locale);
        return error;
      };
      if (cause instanceof AppError) throw refuse(cause);
      // Redis is down: calls that need it (rate limits) cannot be answered now, and say so instead of a 500.
      if (isRedisUnavailable(cause)) {
        logger.warn({ path, type, err: cause }, "procedure refused: Redis is unreachable");
        throw refuse(new AppError("SERVICE_UNAVAILABLE", "server.unavailable"));
      }
      if (result.error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ path, type, err: cause ?? result.error }, "procedure failed");
        reportError(cause ?? result.error, { tags: { "trpc.path": path, "trpc.type": type } });
      }
      errorLocales.set(result.error, locale);
    }
    return result;
  }),
);

/** input-guard.ts's findings, as the select keys of server.invalidInput. */
const INPUT_PROBLEMS: Record<string, string> = {
  "is nested too deeply": "tooDeep",
  "contains a control character": "controlCharacter",
  "is not a finite number": "notFinite",
  "is out of range": "outOfRange",
};

/** Control characters and out-of-range numbers anywhere in the input are a validation error (input-guard.ts). */
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const bad = findBadInput(await getRawInput());
  if (bad) {
    const problem = INPUT_PROBLEMS[bad.problem] ?? "other";
    throw bad.path ? new AppError("BAD_REQUEST", "server.invalidInput", { path: bad.path, problem }) : new AppError("BAD_REQUEST", "server.invalidInputWhole", { problem });
  }
  return next();
});

/**
 * With Sentry tracing on, each procedure is a span (`trpc/<path>`, op `rpc.server`, as Sentry's own tRPC middleware
 * names it; that middleware also reports every 4xx as an error, so it is not used) carrying the request id, under
 * the HTTP request's transaction; its database spans come from Sentry's Prisma integration. Without Sentry tracing
 * (a sample rate above 0: `tracingOn`) no span is started.
 */
const tracing = t.middleware(({ ctx, path, type, next }) =>
  // Without tracing a span records nothing but still forks scopes (≈ 0.3 ms of CPU per call in bench:claims).
  !tracingOn() ? next() : Sentry.startSpan(
    { name: `trpc/${path}`, op: "rpc.server", attributes: { "rpc.system": "trpc", "rpc.method": path, "trpc.procedure_type": type, request_id: ctx.requestId } },
    () => next(),
  ),
);

export const publicProcedure = t.procedure.use(tracing).use(errorMapping).use(inputGuard);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHORIZED", "auth.signIn");
  if (ctx.session.blocked) throw new TRPCError({ code: "FORBIDDEN", message: ctx.session.blocked });
  return next({ ctx: { session: ctx.session } });
});

/** Signed in and holding a role that grants `permission` (see src/lib/permissions.ts). */
export const permissionProcedure = (permission: Permission) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.session.user.roles, permission)) {
      // Every permission belongs to one role today (src/lib/permissions.ts).
      throw new AppError("FORBIDDEN", "auth.roleRequired", { role: PERMISSIONS[permission][0] });
    }
    return next({ ctx });
  });

export const customerProcedure = permissionProcedure("jobs.post");
export const scooperProcedure = permissionProcedure("jobs.claim");
export const adminProcedure = permissionProcedure("admin.access");

/**
 * A rate limit on a procedure, per caller IP and per signed-in user (each with `rule`, counted separately), in
 * Redis. Chain it after the rung that signs the caller in: `customerProcedure.use(rateLimited("post-job", …))`.
 */
export const rateLimited = (name: string, rule: () => RateLimitRule, what: RateLimitSubject) =>
  t.middleware(async ({ ctx, next }) => {
    const ip = clientIp(ctx.headers);
    // "unknown": a call that came through no network request (a script, a test's caller), so no address to count.
    // Both counters in one MULTI; either refusal refuses the call.
    const hits: RateLimitHit[] = [];
    if (ip !== UNKNOWN_IP) hits.push({ name: `${name}-ip`, subject: ip, rule: rule() });
    if (ctx.session) hits.push({ name: `${name}-user`, subject: ctx.session.user.id, rule: rule() });
    await enforceRateLimits(hits, what);
    return next();
  });
