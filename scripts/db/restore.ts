/**
 * `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` into DATABASE_URL.
 * Refuses a database that already has tables unless --force. Logic: backups.ts.
 */
import "dotenv/config";
import { env } from "../../src/env.js";
import { restoreDatabase } from "./backups.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file> [--force]");
  process.exit(1);
}
try {
  const tool = await restoreDatabase({ databaseUrl: env.DATABASE_URL, file, force, pgBinDir: env.PG_BIN_DIR });
  console.log(`Restored ${file} into the database (pg_restore ${tool.major}).`);
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
