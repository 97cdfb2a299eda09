/**
 * `npm run db:restore -- <file | backup name> [--force]`: restores a backup made by `npm run db:backup` into
 * DATABASE_URL. A path to an existing file is used as is; otherwise the name is fetched from the configured
 * store (the S3 bucket, or BACKUP_DIR). Refuses a database that already has tables unless --force. Logic: backups.ts.
 */
import "dotenv/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "../../src/env.js";
import { backupStoreFromEnv } from "./backup-store.ts";
import { restoreDatabase } from "./backups.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const given = args.find((a) => !a.startsWith("--"));
if (!given) {
  console.error("Usage: npm run db:restore -- <backup file or name> [--force]");
  process.exit(1);
}
let tmpDir: string | undefined;
try {
  let file = given;
  if (!fs.existsSync(given)) {
    const store = await backupStoreFromEnv();
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-restore-"));
    file = path.join(tmpDir, path.basename(given));
    console.log(`Fetching ${store.describe(path.basename(given))} …`);
    await store.fetch(path.basename(given), file);
  }
  const tool = await restoreDatabase({ databaseUrl: env.DATABASE_URL, file, force, pgBinDir: env.PG_BIN_DIR });
  console.log(`Restored ${given} into the database (pg_restore ${tool.major}).`);
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}
