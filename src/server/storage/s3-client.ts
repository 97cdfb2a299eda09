/** One way to build an S3 client for AWS S3 or an S3-compatible store (R2, B2, MinIO …), used by photos and backups. */
import { S3Client } from "@aws-sdk/client-s3";

export type S3Location = {
  bucket: string;
  prefix: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

export function createS3Client(opts: S3Location): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    // S3-compatible stores behind a custom endpoint mostly expect bucket-in-path URLs.
    forcePathStyle: !!opts.endpoint,
    // Checksums only where S3 requires them: several S3-compatible stores reject the newer default headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // Without explicit keys the SDK's default chain applies (AWS_* variables, instance roles).
    credentials: opts.accessKeyId && opts.secretAccessKey ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } : undefined,
  });
}
