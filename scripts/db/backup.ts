/**
 * `npm run db:backup`: a compressed pg_dump of DATABASE_URL into BACKUP_DIR, keeping the newest
 * BACKUP_RETENTION backups of that database. Logic and tool selection: backups.ts.
 */
import "dotenv/config";
import { env } from "../../src/env.js";
import { backupDatabase, LocalBackupStore } from "./backups.ts";

try {
  const result = await backupDatabase({
    databaseUrl: env.DATABASE_URL,
    store: new LocalBackupStore(env.BACKUP_DIR),
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
