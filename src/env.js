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
    /** Cleanup-job timers (seconds, so tests can shorten them): unclaimed expiry, claim → start, completion → auto-confirm. */
    JOB_EXPIRY_SECONDS: intFromString(24 * 3600),
    START_DEADLINE_SECONDS: intFromString(2 * 3600),
    AUTO_CONFIRM_SECONDS: intFromString(24 * 3600),
    /** A released job returns to the board with its original expiry, but never with less than this left. */
    REOPEN_MIN_REMAINING_SECONDS: intFromString(3600),
    /** Active claims (CLAIMED + IN_PROGRESS) one scooper may hold at once. */
    MAX_ACTIVE_CLAIMS: intFromString(3),
    /** Starting farther than this from the pin is flagged on the job (never blocked). */
    START_DISTANCE_FLAG_METERS: intFromString(300),
    /** What the poster owes the scooper when cancelling a claimed job, in percent of the price. */
    CANCEL_FEE_PERCENT: intFromString(20),
    /** How often the worker's sweep applies deadlines whose timers were lost. */
    TIMER_SWEEP_SECONDS: intFromString(300),
    /** Largest photo upload accepted, in bytes. */
    PHOTO_MAX_BYTES: intFromString(10 * 1024 * 1024),
    /** Local photo storage folder (the default storage backend). */
    STORAGE_DIR: z.string().default(".data/uploads"),
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
