/**
 * Every environment variable the web app, the worker and the scripts read, validated once at start.
 * next.config.mjs imports this file, so a bad value fails `next build`; the worker imports it too.
 * To add a variable: declare it here, document it in .env.example and the README, and read it only
 * through `env` (never `process.env` elsewhere).
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
/** @param {number} fallback */
const intFromString = (fallback) => z.coerce.number().int().positive().default(fallback);
/**
 * A rate limit written as "<count>/<minutes>", e.g. "5/15" = 5 attempts per 15 minutes.
 * @param {string} fallback
 */
const rateLimit = (fallback) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, "use <count>/<minutes>, e.g. 5/15")
    .default(fallback)
    .transform((v) => {
      const [limit, minutes] = v.split("/").map(Number);
      return { limit: /** @type {number} */ (limit), windowSeconds: /** @type {number} */ (minutes) * 60 };
    });

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    /** Namespaces every Redis key and BullMQ queue, so several apps (or test files) can share one Redis. */
    REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("scoop"),
    APP_URL: z.url().default("http://localhost:3000"),
    APP_TIMEZONE: z.string().default("America/New_York"),
    PORT: intFromString(3000),
    HOSTNAME: z.string().default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** How often the worker proves it is alive; /api/health reports the age of the last beat. */
    WORKER_HEARTBEAT_SECONDS: intFromString(30),

    /** Signs session cookies. Required in production; development uses a fixed, public value. */
    NEXTAUTH_SECRET: isProduction ? z.string().min(32) : z.string().min(1).default("scoop-development-secret-not-for-production"),
    /** Resend API key. Unset → the dev mailbox transport (messages stored in the database, shown at /dev/mailbox). */
    RESEND_API_KEY: z.string().optional(),
    /** Resend API base URL (tests point it at a local fake). */
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().default("Scoop <no-reply@scoop.local>"),
    EMAIL_REPLY_TO: z.string().optional(),
    /** Serve /dev/mailbox outside development (e2e tests against a production build). Never in real production. */
    DEV_MAILBOX_ENABLED: z.enum(["0", "1"]).default("0"),
    PASSWORD_RESET_TTL_MINUTES: intFromString(60),
    RATE_LIMIT_SIGN_IN: rateLimit("5/15"),
    RATE_LIMIT_SIGN_UP: rateLimit("5/60"),
    RATE_LIMIT_PASSWORD_RESET: rateLimit("3/60"),
    RATE_LIMIT_MAGIC_LINK: rateLimit("3/60"),
    /** Web Push (VAPID). All three set → browser push is offered; any unset → push is off entirely. */
    VAPID_PUBLIC_KEY: z.string().optional(),
    VAPID_PRIVATE_KEY: z.string().optional(),
    /** A mailto: or https: URL the push services can contact about this sender. */
    VAPID_SUBJECT: z.string().regex(/^(mailto:|https:)/, "use mailto:… or https://…").optional(),
    /** How long a reconnecting real-time client can be away and still receive what it missed. */
    REALTIME_RETENTION_MINUTES: intFromString(10),
  },
  client: {
    /** Leaflet tile template. OpenStreetMap's public tiles need attribution and light use only. */
    NEXT_PUBLIC_MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    NEXT_PUBLIC_MAP_ATTRIBUTION: z
      .string()
      .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_MAP_TILE_URL: process.env.NEXT_PUBLIC_MAP_TILE_URL,
    NEXT_PUBLIC_MAP_ATTRIBUTION: process.env.NEXT_PUBLIC_MAP_ATTRIBUTION,
  },
  // `next build` of a Docker image or a lint run may have no database; never skip in production at runtime.
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});

export { isProduction };
