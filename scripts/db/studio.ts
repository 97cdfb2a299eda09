/**
 * `npm run db:studio`: Prisma Studio on DATABASE_URL when it is set, otherwise on the embedded database that
 * `npm run dev` runs (.data/pg, port EMBEDDED_PG_PORT), so the README's defaults open the app's own data.
 * Studio needs that database running: start `npm run dev` first (it prints the URL it uses).
 */
import "dotenv/config";
import { spawn } from "node:child_process";
import { devDatabaseUrl, postgresAnswers } from "../lib/services.ts";

const url = process.env.DATABASE_URL ?? devDatabaseUrl();
if (!(await postgresAnswers(url))) {
  console.error(
    process.env.DATABASE_URL
      ? `[studio] DATABASE_URL does not answer (${new URL(url).host}).`
      : `[studio] The embedded database of \`npm run dev\` is not running (${new URL(url).host}). Start \`npm run dev\` first, or set DATABASE_URL.`,
  );
  process.exit(1);
}
console.log(`[studio] opening ${url.replace(/:[^:@/]+@/, ":***@")}`);
const child = spawn("npx", ["prisma", "studio", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "./scripts/schema-engine-offline-stub" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
