/**
 * Once per integration run: migrate a template database on the test server. Every test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-running migrations.
 * Needs TEST_PG_SERVER_URL and REDIS_URL; `npm test` (scripts/test.ts) provides both.
 */
import crypto from "node:crypto";
import { applyMigrations } from "../../scripts/db/schema-engine.ts";
import { createDatabase, dropDatabase } from "../../scripts/lib/services.ts";

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const server = process.env.TEST_PG_SERVER_URL;
  if (!server || !process.env.REDIS_URL) {
    throw new Error("Integration tests need TEST_PG_SERVER_URL and REDIS_URL: run them through `npm test` or `npm run test:int`.");
  }
  const template = `scoop_tpl_${crypto.randomBytes(5).toString("hex")}`;
  await applyMigrations(await createDatabase(server, template));
  provide("templateDatabase", template);
  return async () => {
    await dropDatabase(server, template);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
