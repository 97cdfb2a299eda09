/**
 * Where uploaded files live, behind one small interface so the backend can change without touching callers.
 * Local disk (STORAGE_DIR) is the default and the only backend so far; an S3 backend (`@aws-sdk/client-s3`)
 * implements the same three methods and is chosen here when its settings exist.
 */
import { env } from "@/env";
import { LocalDiskStorage } from "./local-disk-storage";

export interface ObjectStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const globalForStorage = globalThis as unknown as { scoopStorage?: ObjectStorage };

export function getStorage(): ObjectStorage {
  globalForStorage.scoopStorage ??= new LocalDiskStorage(env.STORAGE_DIR);
  return globalForStorage.scoopStorage;
}
