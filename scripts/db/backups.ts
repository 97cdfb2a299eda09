/**
 * Database backups with PostgreSQL's own tools: `pg_dump` in custom format (compressed, restorable table by
 * table) and `pg_restore`. Used by `npm run db:backup` / `npm run db:restore` (backup.ts, restore.ts) and by the
 * integration test, which therefore exercises exactly what the cron job runs.
 *
 * pg_dump refuses to dump a server newer than itself, so the tools are picked by version: PG_BIN_DIR when set,
 * else the newest of the PATH's and Debian's /usr/lib/postgresql/<major>/bin, provided its major version is at
 * least the server's. Where backups go is a `BackupStore`: a local folder (LocalBackupStore) or an S3 bucket
 * (s3-backup-store.ts), picked by `backupStoreFromEnv`. A new destination implements the same five methods.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type PgTool = "pg_dump" | "pg_restore";
export type PgToolInfo = { path: string; major: number };

/** Where finished backups live. `name`s sort oldest → newest. */
export interface BackupStore {
  /** Stores a finished local dump under `name` and returns the name. */
  put(localFile: string, name: string): Promise<string>;
  list(): Promise<string[]>;
  remove(name: string): Promise<void>;
  /** Copies backup `name` to a local file (restore needs a file on disk). */
  fetch(name: string, localFile: string): Promise<void>;
  describe(name: string): string;
}

export class LocalBackupStore implements BackupStore {
  constructor(readonly dir: string) {}
  async put(localFile: string, name: string) {
    fs.mkdirSync(this.dir, { recursive: true });
    // Copy, not rename: the temporary file may sit on another filesystem. The caller deletes it.
    fs.copyFileSync(localFile, path.join(this.dir, name));
    return name;
  }
  async list() {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir).filter((f) => BACKUP_NAME.test(f)).sort();
  }
  async remove(name: string) {
    fs.rmSync(path.join(this.dir, name), { force: true });
  }
  async fetch(name: string, localFile: string) {
    fs.copyFileSync(path.join(this.dir, name), localFile);
  }
  describe(name: string) {
    return path.join(this.dir, name);
  }
}

// <database>-<UTC timestamp with milliseconds>.dump: sorts by time within one database.
const BACKUP_NAME = /^[A-Za-z0-9_-]+-\d{8}T\d{9}Z\.dump$/;

function backupName(database: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(".", ""); // 20260101T060000123Z
  return `${database.replace(/[^A-Za-z0-9_-]/g, "_")}-${stamp}.dump`;
}

// libpq understands these URL parameters; Prisma-only ones (schema, connection_limit …) make it fail.
const LIBPQ_PARAMS = new Set(["sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name", "options", "target_session_attrs"]);

/** The URL for libpq without its password (which goes in PGPASSWORD, out of `ps`), and the env to pass along. */
function libpqTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv; database: string } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const key of [...url.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) url.searchParams.delete(key);
  return {
    dbname: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
  };
}

async function withClient<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const { rows } = await withClient(databaseUrl, (c) => c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v"));
  return Math.floor(Number(rows[0]!.v) / 10_000);
}

function toolVersion(bin: string): number | null {
  const out = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const match = out.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout) : null;
  return match ? Number(match[1]) : null;
}

function candidates(tool: PgTool, pgBinDir: string | undefined): string[] {
  if (pgBinDir) return [path.join(pgBinDir, tool)];
  const debian = "/usr/lib/postgresql";
  const versioned = fs.existsSync(debian) ? fs.readdirSync(debian).map((v) => path.join(debian, v, "bin", tool)) : [];
  return [tool, ...versioned, `/usr/local/opt/libpq/bin/${tool}`, `/opt/homebrew/opt/libpq/bin/${tool}`];
}

/** The newest installed `tool` whose major version is ≥ the server's, or an error that says what to install. */
export function findPgTool(tool: PgTool, serverMajor: number, pgBinDir?: string): PgToolInfo {
  const found = candidates(tool, pgBinDir)
    .map((bin) => ({ path: bin, major: toolVersion(bin) }))
    .filter((t): t is PgToolInfo => t.major !== null)
    .sort((a, b) => b.major - a.major);
  const best = found[0];
  if (best && best.major >= serverMajor) return best;
  const where = pgBinDir ? `in PG_BIN_DIR (${pgBinDir})` : "on the PATH or in /usr/lib/postgresql/*/bin";
  const seen = best ? `The newest found is ${tool} ${best.major} (${best.path}), older than` : `No ${tool} was found ${where} for`;
  throw new Error(
    `${seen} the database server (PostgreSQL ${serverMajor}); ${tool} must be at least as new as the server. ` +
      `Install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: postgresql-client-${serverMajor}, from ` +
      `apt.postgresql.org when the distribution's is older; macOS: brew install libpq) or set PG_BIN_DIR to a folder holding them.`,
  );
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} exited with ${code}: ${stderr.trim()}`))));
  });
}

export type BackupResult = { name: string; location: string; bytes: number; removed: string[]; pgDump: PgToolInfo };

/** Dumps `databaseUrl` into `store`, then deletes all but the newest `retention` backups of that database. */
export async function backupDatabase(opts: {
  databaseUrl: string;
  store: BackupStore;
  retention: number;
  pgBinDir?: string;
  tmpDir?: string;
  now?: Date;
}): Promise<BackupResult> {
  const pgDump = findPgTool("pg_dump", await serverMajorVersion(opts.databaseUrl), opts.pgBinDir);
  const target = libpqTarget(opts.databaseUrl);
  const name = backupName(target.database, opts.now ?? new Date());
  const tmpDir = opts.tmpDir ?? path.resolve(".data/tmp");
  fs.mkdirSync(tmpDir, { recursive: true });
  // Dump to a temporary name first: a failed or interrupted dump must never count as a backup.
  const partial = path.join(tmpDir, `${name}.partial`);
  try {
    await run(pgDump.path, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${target.dbname}`], target.env);
    const bytes = fs.statSync(partial).size;
    await opts.store.put(partial, name);
    const prefix = name.slice(0, name.lastIndexOf("-") + 1);
    const ours = (await opts.store.list()).filter((n) => n.startsWith(prefix));
    const removed = ours.slice(0, Math.max(0, ours.length - opts.retention));
    for (const old of removed) await opts.store.remove(old);
    return { name, location: opts.store.describe(name), bytes, removed, pgDump };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Number of tables, views and sequences outside PostgreSQL's own schemas. */
export async function countUserRelations(databaseUrl: string): Promise<number> {
  const { rows } = await withClient(databaseUrl, (c) =>
    c.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND s.nspname NOT IN ('pg_catalog', 'information_schema')
         AND s.nspname NOT LIKE 'pg_toast%'`,
    ),
  );
  return Number(rows[0]!.n);
}

/**
 * Restores a custom-format dump into `databaseUrl`, all or nothing (one transaction). Refuses a database that
 * already has tables unless `force`, which drops the dumped objects first.
 */
export async function restoreDatabase(opts: { databaseUrl: string; file: string; force?: boolean; pgBinDir?: string }): Promise<PgToolInfo> {
  if (!fs.existsSync(opts.file)) throw new Error(`No backup file at ${opts.file}.`);
  const existing = await countUserRelations(opts.databaseUrl);
  if (existing > 0 && !opts.force) {
    throw new Error(
      `The target database is not empty (${existing} tables, views or sequences). Restore into an empty database, or pass --force to replace the objects in the backup.`,
    );
  }
  const pgRestore = findPgTool("pg_restore", await serverMajorVersion(opts.databaseUrl), opts.pgBinDir);
  const target = libpqTarget(opts.databaseUrl);
  const args = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${target.dbname}`];
  if (existing > 0) args.push("--clean", "--if-exists");
  await run(pgRestore.path, [...args, opts.file], target.env);
  return pgRestore;
}
