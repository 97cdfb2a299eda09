/**
 * Where uploaded files live, behind one small interface so the backend can change without touching callers.
 * Local disk (STORAGE_DIR) is the default; S3 (or an S3-compatible store) when STORAGE_S3_BUCKET is set.
 */
import { env } from "@/env";
import { LocalDiskStorage } from "./local-disk-storage";
import { S3ObjectStorage } from "./s3-storage";

export interface ObjectStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const globalForStorage = globalThis as unknown as { scoopStorage?: ObjectStorage };

export function getStorage(): ObjectStorage {
  globalForStorage.scoopStorage ??= env.STORAGE_S3_BUCKET
    ? new S3ObjectStorage({
        bucket: env.STORAGE_S3_BUCKET,
        prefix: env.STORAGE_S3_PREFIX,
        region: env.STORAGE_S3_REGION,
        endpoint: env.STORAGE_S3_ENDPOINT,
        accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID,
        secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY,
      })
    : new LocalDiskStorage(env.STORAGE_DIR);
  return globalForStorage.scoopStorage;
}
