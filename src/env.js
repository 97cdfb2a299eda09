/**
 * Every environment variable the web app, the worker and the scripts read, validated once at start.
 * next.config.mjs imports this file, so a bad value fails `next build`; the worker imports it too.
 * To add a variable: declare it here, document it in .env.example and the README, and read it only
 * through `env` (never `process.env` elsewhere).
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { DEFAULT_MAP_ATTRIBUTION, DEFAULT_MAP_TILE_URL } from "./lib/map-defaults.js";

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
/** A share of traces to keep, 0 (none) to 1 (all). */
const sampleRate = z.coerce.number().min(0).max(1).default(0);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /**
     * Most PostgreSQL connections one process (each web or worker instance) opens. Budget: (web + worker
     * instances) × this + crons < the database's max_connections (docs/scaling.md).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * Origin (and optional path) a CDN serves `/_next/static` from, e.g. https://static.scoop.example. Read at
     * build time (next.config.mjs) and by the web server's CSP. Unset: assets come from APP_URL.
     */
    ASSET_PREFIX: z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/$/, "")).optional(),
    /** How long a photo URL handed to the job page or the dispute queue works (signed, content-addressed). */
    PHOTO_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
    /** A database query taking at least this many milliseconds is logged with its duration ("slow query"). */
    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    /** Namespaces every Redis key and BullMQ queue, so several apps (or test files) can share one Redis. */
    REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("scoop"),
    /**
     * "1": REDIS_URL is one node of a Redis Cluster, and every connection is ioredis' `Cluster` client, which finds the
     * other nodes and follows the slots (docs/scaling.md "Redis and Redis Cluster"). "0": one Redis (Render Key Value).
     */
    REDIS_CLUSTER: z.enum(["0", "1"]).default("0"),
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
    /** Signing secret (whsec_…) of Resend's webhook for bounces and complaints. Unset: POST /api/webhooks/resend refuses every call. */
    RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
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
    /** Security (issue 20): per-IP and per-user limits on the actions the rule book names. */
    RATE_LIMIT_SIGN_IN_IP: rateLimit("20/15"),
    RATE_LIMIT_PASSWORD_RESET_IP: rateLimit("10/60"),
    RATE_LIMIT_MAGIC_LINK_IP: rateLimit("10/60"),
    RATE_LIMIT_POST_JOB: rateLimit("20/60"),
    RATE_LIMIT_CLAIM: rateLimit("30/60"),
    RATE_LIMIT_UPLOAD: rateLimit("60/60"),
    RATE_LIMIT_DISPUTE: rateLimit("5/60"),
    RATE_LIMIT_REVIEW: rateLimit("20/60"),
    /** How long after a review without a tip the poster may still add one (once), in seconds. */
    TIP_WINDOW_SECONDS: intFromString(72 * 3600),
    /** "0" turns every rate limit off (the fuzz test's run); never in production. */
    RATE_LIMITS_ENABLED: z.enum(["0", "1"]).default("1"),
    /** Proxies of our own in front of the web server that append to X-Forwarded-For (Render: 2, see docs/deploy.md). 0 = use the socket address. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** Bearer secret for POST /api/cron/recurring/generate (an external cron). Unset: the endpoint refuses everyone. */
    CRON_SECRET: z.string().min(16).optional(),
    /** Local wall-clock time ("HH:MM", APP_TIMEZONE) when recurring cleanups generate the day's jobs. */
    RECURRING_GENERATION_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("06:00"),
    /** Local time ("HH:MM") on the day before a service date when customers are reminded. */
    RECURRING_REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("15:00"),
    /** Minutes a generated job is offered only to the subscription's preferred scooper. */
    PREFERRED_SCOOPER_WINDOW_MINUTES: intFromString(120),
    /** How long the real-time event log keeps events for reconnecting clients. */
    /** Web Push (VAPID). All three set → browser push is offered; any unset → push is off entirely. */
    VAPID_PUBLIC_KEY: z.string().optional(),
    VAPID_PRIVATE_KEY: z.string().optional(),
    /** A mailto: or https: URL the push services can contact about this sender. */
    VAPID_SUBJECT: z.string().regex(/^(mailto:|https:)/, "use mailto:… or https://…").optional(),
    /** Tests only: comma-separated hosts (e.g. 127.0.0.1) a push endpoint may use despite not being public https. */
    PUSH_ENDPOINT_TEST_HOSTS: z.string().optional(),
    /** How long a reconnecting real-time client can be away and still receive what it missed. */
    REALTIME_RETENTION_MINUTES: intFromString(10),
    /** How often each web process rebuilds its board index (the city-wide clusters) from the database: at most a minute. */
    BOARD_INDEX_REBUILD_SECONDS: z.coerce.number().int().min(1).max(60).default(30),
    /** The worker's readiness endpoint (Render, probes). 0 turns it off. */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3999),
    /**
     * How long the worker's graceful shutdown (active jobs finish, connections close) may take before it exits
     * anyway. Below render.yaml's maxShutdownDelaySeconds (120), so the worker says why before Render kills it.
     */
    WORKER_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(100),
    /** /api/health/ready fails when the last worker heartbeat is older than this. */
    HEALTH_MAX_HEARTBEAT_AGE_SECONDS: intFromString(120),
    /** /api/health/ready fails when more jobs than this wait in any one queue. */
    HEALTH_MAX_QUEUE_BACKLOG: intFromString(1000),
    /** Server and worker error reporting; unset = Sentry completely off. */
    SENTRY_DSN: z.url().optional(),
    SENTRY_TRACES_SAMPLE_RATE: sampleRate,
    /** Build only: with a token, `next build` uploads source maps to SENTRY_ORG/SENTRY_PROJECT. */
    SENTRY_AUTH_TOKEN: z.string().optional(),
    SENTRY_ORG: z.string().optional(),
    SENTRY_PROJECT: z.string().optional(),
    /** `npm run db:backup`: where dumps go and how many are kept. */
    BACKUP_DIR: z.string().default(".data/backups"),
    BACKUP_RETENTION: intFromString(14),
    /** With a bucket, backups go to S3 (or an S3-compatible store at BACKUP_S3_ENDPOINT) instead of BACKUP_DIR. */
    BACKUP_S3_BUCKET: z.string().optional(),
    BACKUP_S3_PREFIX: z.string().default("scoop-backups/"),
    BACKUP_S3_REGION: z.string().default("us-east-1"),
    BACKUP_S3_ENDPOINT: z.url().optional(),
    /** Unset: the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID …, instance roles). */
    BACKUP_S3_ACCESS_KEY_ID: z.string().optional(),
    BACKUP_S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Folder holding pg_dump/pg_restore, when the ones on the PATH are older than the server. */
    PG_BIN_DIR: z.string().optional(),
    /** Cleanup-job timers (seconds, so tests can shorten them): unclaimed expiry, claim → start, completion → auto-confirm. */
    JOB_EXPIRY_SECONDS: intFromString(24 * 3600),
    START_DEADLINE_SECONDS: intFromString(2 * 3600),
    AUTO_CONFIRM_SECONDS: intFromString(24 * 3600),
    /** How long the poster has to answer a "can't get in" report (try again / cancel) before it is cancelled with the fee. */
    UNREACHABLE_ANSWER_SECONDS: intFromString(2 * 3600),
    /** A released job returns to the board with its original expiry, but never with less than this left. */
    REOPEN_MIN_REMAINING_SECONDS: intFromString(3600),
    /** Active claims (CLAIMED + IN_PROGRESS) one scooper may hold at once. */
    MAX_ACTIVE_CLAIMS: intFromString(3),
    /** 1: a new scooper's first claim waits for an admin's approval (/admin/scoopers); 0: no approval step. */
    SCOOPER_APPROVAL: z.enum(["0", "1"]).default("0"),
    /** Starting farther than this from the pin is flagged on the job (never blocked). */
    START_DISTANCE_FLAG_METERS: intFromString(300),
    /** What the poster owes the scooper when cancelling a claimed job, in percent of the price. */
    /** Replaced by CANCELLATION_FEE_PERCENT (one setting per fee): refusing to start says which to use. */
    CANCEL_FEE_PERCENT: z.undefined({ error: "CANCEL_FEE_PERCENT is no longer read: set CANCELLATION_FEE_PERCENT instead." }).optional(),
    /** How long the scooper has to respond to a dispute, in hours from its opening. */
    DISPUTE_RESPONSE_HOURS: intFromString(48),
    /**
     * Stripe: a card hold lapses after a few days (about 7 when the customer confirmed it, 5 for Visa holds made
     * off-session, such as a renewal); the worker renews one still uncaptured after this many hours (a long dispute,
     * a late confirmation). Checked every HOLD_CHECK_SECONDS.
     */
    HOLD_REFRESH_AFTER_HOURS: intFromString(4 * 24).refine((h) => h < 5 * 24, "HOLD_REFRESH_AFTER_HOURS must be under 120 (an off-session Visa hold lapses after 5 days)."),
    HOLD_CHECK_SECONDS: intFromString(3600),
    /** How often the worker's sweep applies deadlines whose timers were lost. */
    TIMER_SWEEP_SECONDS: intFromString(300),
    /** How often the worker's outbox relay hands PENDING side effects back to BullMQ (Redis lost them, the worker was down). */
    OUTBOX_RELAY_SECONDS: intFromString(30),
    /** A PENDING outbox row younger than this is left alone by the relay: its first delivery is still under way. */
    OUTBOX_GRACE_SECONDS: intFromString(60),
    /** First retry delay of an outbox side effect, doubled at each attempt. */
    OUTBOX_BACKOFF_MS: intFromString(10_000),
    /** How often the worker checks that its job schedulers exist (Redis may have lost them) and re-creates any missing. */
    SCHEDULE_CHECK_SECONDS: intFromString(30),
    /** `ops:reconcile` and readiness report PENDING outbox rows older than this. */
    OUTBOX_STUCK_MINUTES: intFromString(15),
    /** DONE outbox rows are deleted by the relay after this many days (DEAD ones stay until retried or resolved). */
    OUTBOX_RETENTION_DAYS: intFromString(7),
    /** Largest photo upload accepted, in bytes. */
    PHOTO_MAX_BYTES: intFromString(10 * 1024 * 1024),
    /** Local photo storage folder (the default storage backend). */
    STORAGE_DIR: z.string().default(".data/uploads"),
    /** Photos in S3 (or an S3-compatible store at STORAGE_S3_ENDPOINT) instead of STORAGE_DIR when a bucket is set. */
    STORAGE_S3_BUCKET: z.string().optional(),
    STORAGE_S3_PREFIX: z.string().default("photos/"),
    STORAGE_S3_REGION: z.string().default("us-east-1"),
    STORAGE_S3_ENDPOINT: z.url().optional(),
    /**
     * "1" declares that web and worker read and write one shared persistent disk at STORAGE_DIR. Production
     * refuses to start with local-disk photos without it (the worker could not read what the web saved).
     */
    STORAGE_SHARED_DISK: z.enum(["0", "1"]).default("0"),
    /** Unset: the AWS SDK's default credential chain. */
    STORAGE_S3_ACCESS_KEY_ID: z.string().optional(),
    STORAGE_S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Stripe secret key. Set: payments run through Stripe; unset: through the built-in ledger provider. */
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    /** Signing secret of the Stripe webhook endpoint (whsec_…). Unset: POST /api/webhooks/stripe refuses every call. */
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Stripe API base URL (tests point it at a local fake). Unset: Stripe's own API. */
    STRIPE_API_BASE: z.url().optional(),
    /** Stripe publishable key (pk_…): sent with a payment's client secret so the browser's card form can confirm it. */
    STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
    /** How long a posted job may wait for its payment (card confirmation) before it is cancelled. */
    PAYMENT_WINDOW_MINUTES: intFromString(60),
    /** Share of a job's price the platform keeps. */
    PLATFORM_FEE_PERCENT: z.coerce.number().int().min(0).max(100).default(15),
    /** Share of a job's price paid to the scooper when the poster cancels after a claim. */
    CANCELLATION_FEE_PERCENT: z.coerce.number().int().min(0).max(100).default(20),
    /**
     * Least the poster owes the scooper for cancelling once the scooper said "on my way" (never more than the
     * price). Fixed on each job at posting, like the fee rates.
     */
    MIN_CANCEL_FEE_CENTS: z.coerce.number().int().min(0).max(50_000).default(500),
    /** Speed of the straight-line estimate of arrival sent with "on my way", in km/h. */
    ON_MY_WAY_SPEED_KMH: z.coerce.number().positive().max(200).default(25),
    /**
     * Address search that moves the post form's pin: a Nominatim-compatible `/search` URL (LocationIQ, a
     * self-hosted Nominatim …). Unset: development uses OpenStreetMap's public Nominatim (its usage policy allows
     * light development use only, never an app's production traffic); production and tests have none. "none"
     * turns it off anywhere. Without a geocoder the customer places the pin by hand.
     */
    GEOCODER_URL: z.union([z.url(), z.literal("none")]).optional(),
    /** The provider's key, sent as the `key` query parameter (LocationIQ's name for it). */
    GEOCODER_API_KEY: z.string().min(1).optional(),
    /** ISO country codes searched, comma-separated (Scoop serves the United States). */
    GEOCODER_COUNTRY_CODES: z.string().regex(/^[a-z]{2}(,[a-z]{2})*$/, "use codes like us or us,ca").default("us"),
    /** How long one address search may take before the form gives up and leaves the pin to the customer. */
    GEOCODER_TIMEOUT_MS: intFromString(3000),
    /** Address searches per IP and per user. */
    RATE_LIMIT_GEOCODE: rateLimit("30/1"),
  },
  client: {
    /** Leaflet tile template. OpenStreetMap's public tiles need attribution and light use only. */
    NEXT_PUBLIC_MAP_TILE_URL: z.string().default(DEFAULT_MAP_TILE_URL),
    NEXT_PUBLIC_MAP_ATTRIBUTION: z.string().default(DEFAULT_MAP_ATTRIBUTION),
    /** Browser error reporting; unset = Sentry completely off in the browser. Build-time. */
    NEXT_PUBLIC_SENTRY_DSN: z.url().optional(),
    NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE: sampleRate,
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_MAP_TILE_URL: process.env.NEXT_PUBLIC_MAP_TILE_URL,
    NEXT_PUBLIC_MAP_ATTRIBUTION: process.env.NEXT_PUBLIC_MAP_ATTRIBUTION,
    NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN,
    NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE: process.env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE,
  },
  // `next build` of a Docker image or a lint run may have no database; never skip in production at runtime.
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});

// Production photos: web and worker are separate machines (Render gives each its own throw-away disk), so a
// photo the web saved to its disk is invisible to the worker and lost on the next deploy. Refuse to start rather
// than fail at the first completion.
// Server only: the browser bundle imports this file too, and may not read server variables.
const onServer = typeof window === "undefined";
if (onServer && isProduction && !process.env.SKIP_ENV_VALIDATION && !env.STORAGE_S3_BUCKET && env.STORAGE_SHARED_DISK !== "1") {
  throw new Error(
    "Photo storage: production needs object storage. Set STORAGE_S3_BUCKET (and STORAGE_S3_REGION, STORAGE_S3_ENDPOINT, " +
      "STORAGE_S3_ACCESS_KEY_ID, STORAGE_S3_SECRET_ACCESS_KEY for R2, B2 or another S3-compatible store), or set " +
      "STORAGE_SHARED_DISK=1 if web and worker really share one persistent disk at STORAGE_DIR. See docs/deploy.md.",
  );
}

export { isProduction };
