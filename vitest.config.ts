import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "worker/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts", "worker/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          environment: "node",
          // Each file gets its own database (cloned from a migrated template) and its own Redis prefix.
          globalSetup: ["src/test/global-setup-int.ts"],
          setupFiles: ["src/test/setup-int.ts"],
          pool: "forks",
          // Vitest's default is one fork per core less one: a single fork on a 2-core machine. These files mostly wait
          // on PostgreSQL, Redis and the worker processes they start, and each has its own database and key prefix,
          // so three run side by side.
          maxWorkers: 3,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
