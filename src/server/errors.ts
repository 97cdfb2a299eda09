/**
 * The one error type of the domain layer. Services throw `AppError` with a code and a reason: a key of
 * messages/en/errors.json (TypeScript refuses a key that is not there) plus the ICU parameters its words need.
 * src/server/api/trpc.ts maps the code to a tRPC error in one place and renders the reason in the caller's
 * language (route handlers use `localizedError`); services never import tRPC and routers never guess.
 * To add a refusal: add its key to messages/en/errors.json and messages/es/errors.json, then throw it.
 */
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor, type KeyOf, type MessageParams, type ServerMessages } from "@/server/i18n/translate";

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  /** A dependency the call cannot work without (Redis, for rate-limited calls) is briefly unreachable: try again. */
  | "SERVICE_UNAVAILABLE";

/** "group.key" of messages/en/errors.json. */
export type ErrorReason = KeyOf<ServerMessages["errors"]>;
export type ErrorParams = Record<string, string | number>;

export function errorMessage(locale: Locale, reason: ErrorReason, params?: ErrorParams): string {
  return translatorFor(locale, "errors")(reason, params as MessageParams | undefined);
}

export class AppError extends Error {
  /**
   * `message` is the English text (logs, Sentry, tests); callers see `errorMessage(theirLocale, reason, params)`.
   * `details` is for machines (retryAfterSeconds, the field a refusal is about, a provider's code).
   */
  constructor(
    public readonly code: AppErrorCode,
    public readonly reason: ErrorReason,
    public readonly params: ErrorParams = {},
    public readonly details?: Record<string, unknown>,
  ) {
    super(errorMessage("en", reason, params));
    this.name = "AppError";
  }

  /** The refusal in `locale`. */
  messageIn(locale: Locale): string {
    return locale === "en" ? this.message : errorMessage(locale, this.reason, this.params);
  }
}

/** For route handlers that answer outside tRPC: the HTTP status of each code (tRPC uses the same mapping). */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The JSON body a route handler answers an `AppError` with: the same `{ code, message, reason, params }` as tRPC's data. */
export function localizedError(err: AppError, locale: Locale) {
  return { code: err.code, message: err.messageIn(locale), reason: err.reason, params: err.params };
}
