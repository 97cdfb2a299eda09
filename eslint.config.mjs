import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
  {
    files: ["src/env.js", "scripts/**", "prisma/**", "e2e/**", "e2e-production/**", "playwright.config.ts", "playwright.production-shape.config.ts", "vitest.config.ts", "src/test/**", "**/*.test.ts", "worker/index.ts", "src/server/web-server.ts", "src/server/logger.ts", "src/trpc/react.tsx", "prisma.config.ts", "next.config.mjs", "src/instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
