import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Each domain under src/server (a folder) and its public modules: the files another domain may import from it
 * (docs/architecture.md, "Public modules"). Everything else in a domain's folder is its own business; making a file
 * public is a deliberate change here, reviewed like any interface.
 *
 * @type {Record<string, string[]>}
 */
const PUBLIC_MODULES = {
  accounts: ["password", "scooper-approval", "scooper-onboarding", "status"],
  admin: [],
  auth: ["magic-link", "session", "session-type"],
  disputes: ["dto"],
  jobs: ["announce", "cancel-job", "config", "dto", "expire-job", "job-access", "payment-gate", "photo-signature", "release-job", "settlement", "timers", "transition"],
  map: [],
  notifications: ["job-change", "reminders"],
  ops: [],
  payments: [
    "billing/billing", "billing/prepaid-visits", "chargebacks", "context", "earnings", "effects", "fees", "payment-book", "payment-form",
    "receipt-email", "steps", "stripe-reconcile", "stripe/client", "types",
  ],
  recurring: ["manage", "schemas"],
  reviews: ["add-tip", "dto", "scooper-rating"],
  security: ["client-ip", "public-endpoint", "rate-limit"],
  system: [],
  webhooks: [],
  yards: [],
};
const DOMAIN_NAMES = Object.keys(PUBLIC_MODULES);

/** The domains that use payments, which payments never imports (its rule replaces their public-module rule). */
const ABOVE_PAYMENTS = ["jobs", "recurring", "disputes", "reviews", "webhooks", "admin", "notifications", "accounts"];

/** Every domain, for the rules that keep lower layers from importing them. */
const DOMAINS = DOMAIN_NAMES.map((d) => `@/server/${d}/*`);

/** @param {string} s */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The import pattern that refuses another domain's internal files (anything but its public modules). */
/** @param {string} domain */
function internalsOf(domain) {
  const open = PUBLIC_MODULES[domain] ?? [];
  const allowed = open.length ? `(?!(?:${open.map(escape).join("|")})$)` : "";
  return {
    regex: `^@/server/${domain}/${allowed}.+$`,
    message: open.length
      ? `Another domain imports ${domain} only through its public modules (${open.join(", ")}): call one of those, or make the file public in eslint.config.mjs (PUBLIC_MODULES) and docs/architecture.md.`
      : `${domain} has no public modules: no other domain imports it (only entry points do).`,
  };
}

/** Server code below the API layer imports neither the API nor the UI (repeated in the rules that add to it: a later
 * `no-restricted-imports` for the same files replaces an earlier one rather than adding to it). */
const BELOW_API = {
  group: ["@/server/api/*", "@/app/*", "@/components/*", "@/trpc/*"],
  message: "Domains, infrastructure and the worker sit below the API layer and the UI: move the shared piece down (e.g. auth's session type lives in src/server/auth).",
};

/**
 * No words written in JSX in pages and components: they come from the message catalogues (messages/<locale>/,
 * docs/i18n.md). Text with a letter between tags, and a string with a letter in a prop people read, is refused;
 * punctuation and `{…}` expressions are not. src/test/lint-rules.test.ts proves it bites.
 */
const JSX_LITERALS = {
  "no-restricted-syntax": ["error",
    { selector: "JSXText[value=/[A-Za-z]/]:not([value=/^\\s*Scoop\\s*$/])", message: "Words in JSX come from the message catalogues: t(\"key\") (docs/i18n.md)." },
    {
      selector: "JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|label|confirmLabel|cancelLabel|submitLabel|pendingLabel|what|empty|priceLabel)$/] > Literal[value=/[A-Za-z]/]",
      message: "Words people read in a prop come from the message catalogues: t(\"key\") (docs/i18n.md).",
    },
    {
      // The same words behind a condition or in a template: {busy ? "Posting…" : "Post"}, label={`Pay ${x}`}.
      selector: [
        "JSXElement > JSXExpressionContainer > Literal[value=/[A-Za-z]/]",
        "JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]/]",
        "JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]/]",
        "JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|label|confirmLabel|cancelLabel|submitLabel|pendingLabel|what|empty|priceLabel)$/] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]/]",
        "JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|label|confirmLabel|cancelLabel|submitLabel|pendingLabel|what|empty|priceLabel)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]/]",
      ].join(", "),
      message: "Words people read come from the message catalogues, also behind a condition or in a template: t(\"key\") (docs/i18n.md).",
    },
  ],
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
    // observability, real-time publishing, geocoding and the single-file pieces (db, redis, logger, errors,
    // calendar) import no domain.
    files: [
      "src/server/audit/**", "src/server/outbox/**", "src/server/queues/**", "src/server/storage/**", "src/server/email/**",
      "src/server/observability/**", "src/server/realtime/**", "src/server/geocoding/**",
      "src/server/db.ts", "src/server/redis.ts", "src/server/logger.ts", "src/server/errors.ts", "src/server/calendar.ts",
    ],
    // The WebSocket server is an entry point (it mounts the API's router).
    ignores: ["**/*.test.ts", "src/server/realtime/ws-server.ts"],
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
  // A domain imports another domain only through that domain's public modules (PUBLIC_MODULES). One block per
  // domain, since a later `no-restricted-imports` for the same files replaces an earlier one.
  ...DOMAIN_NAMES.map((domain) => ({
    files: [`src/server/${domain}/**`],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          BELOW_API,
          ...DOMAIN_NAMES.filter((other) => other !== domain && !(domain === "payments" && ABOVE_PAYMENTS.includes(other))).map(internalsOf),
          // Payments is a room below jobs and recurring: they call it, it never calls them (job funding lives in
          // src/server/jobs/funding.ts; Stripe's webhooks, which touch both, in src/server/webhooks/).
          ...(domain === "payments"
            ? [{
                group: ABOVE_PAYMENTS.map((d) => `@/server/${d}/*`),
                message: "Payments imports nothing from the domains that use it: pass what it needs in, or move the piece to the caller's side (job funding lives in src/server/jobs/funding.ts).",
              }]
            : []),
        ],
      }],
    },
  })),
  {
    // No import cycles anywhere in the app's own code (the resolver follows the "@/" alias).
    files: ["src/**/*.ts", "src/**/*.tsx", "worker/**/*.ts"],
    ignores: ["src/generated/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["src/app/**/*.tsx", "src/components/**/*.tsx"],
    rules: JSX_LITERALS,
  },
  {
    files: ["src/env.js", "scripts/**", "prisma/**", "e2e/**", "e2e-production/**", "playwright.config.ts", "playwright.production-shape.config.ts", "vitest.config.ts", "src/test/**", "**/*.test.ts", "worker/index.ts", "src/server/web-server.ts", "src/server/logger.ts", "src/trpc/react.tsx", "prisma.config.ts", "next.config.mjs", "src/instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
