/**
 * `npm run db:backup`: a compressed pg_dump of DATABASE_URL into BACKUP_DIR (or the S3 bucket
 * BACKUP_S3_BUCKET), keeping the newest BACKUP_RETENTION backups of that database. Logic: backups.ts.
 */
import "dotenv/config";
import { env } from "../../src/env.js";
import { backupStoreFromEnv } from "./backup-store.ts";
import { backupDatabase } from "./backups.ts";

try {
  const result = await backupDatabase({
    databaseUrl: env.DATABASE_URL,
    store: await backupStoreFromEnv(),
    retention: env.BACKUP_RETENTION,
    pgBinDir: env.PG_BIN_DIR,
  });
  console.log(
    `Backup written: ${result.location} (${(result.bytes / 1024).toFixed(1)} KiB, pg_dump ${result.pgDump.major}).` +
      (result.removed.length ? ` Removed ${result.removed.length} older: ${result.removed.join(", ")}.` : ""),
  );
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
