/** The backup destination configured in the environment: S3 when BACKUP_S3_BUCKET is set, else BACKUP_DIR. */
import { env } from "../../src/env.js";
import { LocalBackupStore, type BackupStore } from "./backups.ts";

export async function backupStoreFromEnv(): Promise<BackupStore> {
  if (!env.BACKUP_S3_BUCKET) return new LocalBackupStore(env.BACKUP_DIR);
  // Loaded only when used: the SDK is large and most runs (dev, tests) keep backups on disk.
  const { S3BackupStore } = await import("./s3-backup-store.ts");
  return new S3BackupStore({
    bucket: env.BACKUP_S3_BUCKET,
    prefix: env.BACKUP_S3_PREFIX,
    region: env.BACKUP_S3_REGION,
    endpoint: env.BACKUP_S3_ENDPOINT,
    accessKeyId: env.BACKUP_S3_ACCESS_KEY_ID,
    secretAccessKey: env.BACKUP_S3_SECRET_ACCESS_KEY,
  });
}
