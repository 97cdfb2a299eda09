import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** The domains under src/server (each a folder), for the rules that keep lower layers from importing them. */
const DOMAINS = ["accounts", "admin", "auth", "disputes", "jobs", "map", "notifications", "ops", "payments", "recurring", "reviews", "security", "system", "webhooks"].map((d) => `@/server/${d}/*`);

/** Server code below the API layer imports neither the API nor the UI (repeated in the rules that add to it: a later
 * `no-restricted-imports` for the same files replaces an earlier one rather than adding to it). */
const BELOW_API = {
  group: ["@/server/api/*", "@/app/*", "@/components/*", "@/trpc/*"],
  message: "Domains, infrastructure and the worker sit below the API layer and the UI: move the shared piece down (e.g. auth's session type lives in src/server/auth).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      // Environment variables are read in src/env.js only (scripts and tests set them up before that).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through `env` from src/env.js." },
      ],
    },
  },
  // The dependency direction of docs/architecture.md ("Dependency direction"), enforced: a wrong-way import fails
  // `npm run lint` (src/test/lint-rules.test.ts proves each rule bites). Entry points (pages, route handlers,
  // web-server.ts, the WebSocket server, worker processors, scripts) may import the API and the domains.
  {
    files: ["src/lib/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          group: ["@/server/*", "@/app/*", "@/components/*", "@/trpc/*", "@/env", "@/generated/prisma/client"],
          message: "src/lib is pure and isomorphic: it imports no server, UI or configuration code.",
        }],
      }],
    },
  },
  {
    files: ["src/components/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          group: ["@/server/*", "@/generated/prisma/client"],
          message: "Components import src/lib, src/trpc and other components only: take server data through tRPC (RouterOutputs) or from a page's props.",
        }],
      }],
    },
  },
  {
    files: ["src/server/**", "worker/**"],
    // Tests drive the app from outside, like an entry point.
    ignores: ["src/server/api/**", "src/server/realtime/ws-server.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [BELOW_API],
      }],
    },
  },
  {
    // Shared infrastructure sits below the domains: the audit log, the outbox, queues, storage, email delivery,
    // observability and the single-file pieces (db, redis, logger, errors, calendar) import no domain.
    files: [
      "src/server/audit/**", "src/server/outbox/**", "src/server/queues/**", "src/server/storage/**", "src/server/email/**",
      "src/server/observability/**", "src/server/db.ts", "src/server/redis.ts", "src/server/logger.ts", "src/server/errors.ts", "src/server/calendar.ts",
    ],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          BELOW_API,
          {
            group: DOMAINS,
            message: "Shared infrastructure sits below the domains: it takes what it needs as arguments and never imports a domain.",
          },
        ],
      }],
    },
  },
  {
    // Payments is a room below jobs and recurring: they call it, it never calls them (job funding lives in
    // src/server/jobs/funding.ts; Stripe's webhooks, which touch both, in src/server/webhooks/).
    files: ["src/server/payments/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          BELOW_API,
          {
            group: ["@/server/jobs/*", "@/server/recurring/*", "@/server/disputes/*", "@/server/reviews/*", "@/server/webhooks/*", "@/server/admin/*", "@/server/notifications/*", "@/server/accounts/*"],
            message: "Payments imports nothing from the domains that use it: pass what it needs in, or move the piece to the caller's side (job funding lives in src/server/jobs/funding.ts).",
          },
        ],
      }],
    },
  },
  {
    // No import cycles anywhere in the app's own code (the resolver follows the "@/" alias).
    files: ["src/**/*.ts", "src/**/*.tsx", "worker/**/*.ts"],
    ignores: ["src/generated/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["src/env.js", "scripts/**", "prisma/**", "e2e/**", "e2e-production/**", "playwright.config.ts", "playwright.production-shape.config.ts", "vitest.config.ts", "src/test/**", "**/*.test.ts", "worker/index.ts", "src/server/web-server.ts", "src/server/logger.ts", "src/trpc/react.tsx", "prisma.config.ts", "next.config.mjs", "src/instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
