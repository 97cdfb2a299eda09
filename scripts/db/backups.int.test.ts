/**
 * Backup and restore with the real pg_dump/pg_restore: a seeded database, backed up and restored into an empty
 * one, has the same rows in every table (count and checksum). Needs a pg_dump at least as new as the test
 * server (CI installs Debian's postgresql-client); without one the file fails and says what to install.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createOpenJob, createUser } from "@/test/factories";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/services.ts";
import { backupDatabase, findPgTool, LocalBackupStore, restoreDatabase, serverMajorVersion } from "./backups.ts";
import { startS3Stub } from "../../src/test/s3-stub";
import { S3BackupStore } from "./s3-backup-store.ts";

const sourceUrl = process.env.DATABASE_URL!;
const server = process.env.TEST_PG_SERVER_URL!;
const serverMajor = await serverMajorVersion(sourceUrl);
// No skipping: without a pg_dump/pg_restore at least as new as the server these tests fail with
// findPgTool's sentence on what to install (.ci/run installs Debian's postgresql-client).
findPgTool("pg_dump", serverMajor);
findPgTool("pg_restore", serverMajor);

type TableFingerprint = { table: string; rows: number; checksum: string };

/** Row count and an order-independent checksum of every table in the public schema. */
async function fingerprint(databaseUrl: string): Promise<TableFingerprint[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const out: TableFingerprint[] = [];
    for (const { t } of tables.rows) {
      const q = `"${t.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ n: string; sum: string | null }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS sum FROM public.${q} x`,
      );
      out.push({ table: t, rows: Number(rows[0]!.n), checksum: rows[0]!.sum ?? "" });
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("database backups", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-backups-"));
  const store = new LocalBackupStore(dir);
  const restoredName = `scoop_restore_${crypto.randomBytes(5).toString("hex")}`;
  afterAll(async () => {
    await dropDatabase(server, restoredName);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("backs up a seeded database and restores it into an empty one with identical tables", async () => {
    const customer = await createUser(["CUSTOMER"]);
    for (let i = 0; i < 5; i++) await createOpenJob(customer.id, { priceCents: 1000 + i });
    await createUser(["SCOOPER"]);

    const backup = await backupDatabase({ databaseUrl: sourceUrl, store, retention: 14, tmpDir: dir });
    expect(fs.statSync(backup.location).size).toBeGreaterThan(0);

    const targetUrl = await createDatabase(server, restoredName);
    await restoreDatabase({ databaseUrl: targetUrl, file: backup.location });

    const [source, restored] = await Promise.all([fingerprint(sourceUrl), fingerprint(targetUrl)]);
    expect(source.find((t) => t.table === "CleanupJob")?.rows).toBeGreaterThanOrEqual(5);
    expect(source.find((t) => t.table === "User")?.rows).toBeGreaterThanOrEqual(2);
    expect(restored).toEqual(source);
  });

  it("refuses to restore into a database that has tables, unless forced", async () => {
    const [latest] = (await store.list()).slice(-1);
    const file = store.describe(latest!);
    const targetUrl = databaseUrl(server, restoredName);
    await expect(restoreDatabase({ databaseUrl: targetUrl, file })).rejects.toThrow(/not empty/);
    await restoreDatabase({ databaseUrl: targetUrl, file, force: true });
    expect(await fingerprint(targetUrl)).toEqual(await fingerprint(sourceUrl));
  });

  it("keeps only the newest N backups of a database", async () => {
    const start = Date.parse("2030-01-01T00:00:00Z");
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push((await backupDatabase({ databaseUrl: sourceUrl, store, retention: 2, tmpDir: dir, now: new Date(start + i * 1000) })).name);
    }
    expect(await store.list()).toEqual(names.slice(1));
  });
});

describe("database backups in S3", () => {
  const targetName = `scoop_s3restore_${crypto.randomBytes(5).toString("hex")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-s3-"));
  let stub: Awaited<ReturnType<typeof startS3Stub>>;
  afterAll(async () => {
    await dropDatabase(server, targetName);
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => stub?.server.close(resolve));
  });

  it("uploads dumps, keeps the newest N, and restores one fetched back from the bucket", async () => {
    stub = await startS3Stub();
    const store = new S3BackupStore({
      bucket: "scoop-test",
      prefix: "nightly/",
      region: "us-east-1",
      endpoint: stub.endpoint,
      accessKeyId: "test",
      secretAccessKey: "test",
    });
    await createOpenJob((await createUser(["CUSTOMER"])).id);
    const start = Date.parse("2031-01-01T00:00:00Z");
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await backupDatabase({ databaseUrl: sourceUrl, store, retention: 2, tmpDir: dir, now: new Date(start + i * 1000) }));
    }
    expect(results[2]!.location).toBe(`s3://scoop-test/nightly/${results[2]!.name}`);
    expect(await store.list()).toEqual(results.slice(1).map((r) => r.name));
    expect([...stub.objects.keys()].every((k) => k.startsWith("nightly/"))).toBe(true);

    const local = path.join(dir, "fetched.dump");
    await store.fetch(results[2]!.name, local);
    const targetUrl = await createDatabase(server, targetName);
    await restoreDatabase({ databaseUrl: targetUrl, file: local });
    expect(await fingerprint(targetUrl)).toEqual(await fingerprint(sourceUrl));
  });
});
