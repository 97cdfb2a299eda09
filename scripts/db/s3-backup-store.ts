/**
 * Backups in an S3 bucket (AWS S3 or any S3-compatible store: Cloudflare R2, Backblaze B2, MinIO … through
 * BACKUP_S3_ENDPOINT). Chosen by backup.ts/restore.ts when BACKUP_S3_BUCKET is set. Objects are named
 * `<prefix><database>-<timestamp>.dump`, so listing by prefix sorts oldest → newest like the local folder.
 */
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { createS3Client, type S3Location } from "../../src/server/storage/s3-client.ts";
import type { BackupStore } from "./backups.ts";

export type S3BackupStoreOptions = S3Location;

export class S3BackupStore implements BackupStore {
  private readonly client: S3Client;
  constructor(private readonly opts: S3BackupStoreOptions) {
    this.client = createS3Client(opts);
  }

  private key(name: string) {
    return `${this.opts.prefix}${name}`;
  }

  async put(localFile: string, name: string) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.opts.bucket,
        Key: this.key(name),
        Body: fs.createReadStream(localFile),
        ContentLength: fs.statSync(localFile).size,
        ContentType: "application/octet-stream",
      }),
    );
    return name;
  }

  async list() {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.opts.bucket, Prefix: this.opts.prefix, ContinuationToken: token }),
      );
      for (const obj of page.Contents ?? []) if (obj.Key) names.push(obj.Key.slice(this.opts.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names.filter((n) => !n.includes("/")).sort();
  }

  async remove(name: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name) }));
  }

  async fetch(name: string, localFile: string) {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name) }));
    if (!res.Body) throw new Error(`s3://${this.opts.bucket}/${this.key(name)} is empty.`);
    await pipeline(res.Body as Readable, fs.createWriteStream(localFile));
  }

  describe(name: string) {
    return `s3://${this.opts.bucket}/${this.key(name)}`;
  }
}
