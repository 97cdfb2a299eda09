/**
 * Prisma's schema engine, run from its WebAssembly build (`@prisma/schema-engine-wasm`) through the pg
 * driver adapter, so migrations work where Prisma's native engine binary cannot be downloaded.
 *
 * The package's ESM entry imports a `.wasm` file that Node 20 cannot load, so the module is instantiated by
 * hand with `schema_engine_bg.js` as its import object. The package is internal to Prisma: it is pinned
 * exactly in package.json, and everything that touches it lives in this file.
 *
 * To add an operation, call the engine method from `schema_engine.d.ts` through `withSchemaEngine`.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

type EngineModule = {
  SchemaEngine: { new: (opts: { datamodels: undefined }, log: (msg: string) => void, adapter: object) => Promise<SchemaEngine> };
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
};

let modulePromise: Promise<EngineModule> | undefined;

async function loadModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  // The package exports no ./package.json, so find its folder through a file it does export.
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as EngineModule;
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/**
 * The engine describes a database through catalog queries returning Postgres' internal one-byte `"char"`
 * type (e.g. `pg_class.relkind`), which the pg adapter refuses as an unsupported type while the engine
 * expects it as a `Character` column. The client reports such columns as text (so the adapter accepts them)
 * and remembers where they were; `withCharacterColumns` then restores their type on the adapter's result,
 * which hands back the very `rows` array the client produced.
 */
const charColumnsByRows = new WeakMap<unknown[], number[]>();

function markCharColumns(res: pg.QueryResult) {
  const indexes: number[] = [];
  (res.fields ?? []).forEach((field, i) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(i);
    }
  });
  if (indexes.length > 0) charColumnsByRows.set(res.rows, indexes);
  return res;
}

class CatalogFriendlyClient extends pg.Client {
  // @ts-expect-error -- pg's overloads cannot be re-declared one by one; every form is forwarded unchanged.
  override query(...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => (last as (e: unknown, r: unknown) => void)(err, res && markCharColumns(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(markCharColumns) : result;
  }
}

type Queryable = { queryRaw: (q: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }> };

function withCharacterColumns<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw") {
        return async (query: unknown) => {
          const result = await (value as Queryable["queryRaw"]).call(obj, query);
          for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
          return result;
        };
      }
      if (prop === "connect" || prop === "connectToShadowDb" || prop === "startTransaction") {
        return async (...args: unknown[]) => withCharacterColumns(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args));
      }
      return value.bind(obj);
    },
  });
}

/** Opens an engine connected to `databaseUrl` (which must be reachable, even for a pure diff) and frees it after. */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  modulePromise ??= loadModule();
  const mod = await modulePromise;
  const adapter = bindMigrationAwareSqlAdapterFactory(
    withCharacterColumns(
      new PrismaPg({ connectionString: databaseUrl, Client: CatalogFriendlyClient as unknown as typeof pg.Client }),
    ),
  );
  const engine = await mod.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export function readMigrationsList(baseDir = MIGRATIONS_DIR) {
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Applies every pending migration, recording each in `_prisma_migrations` exactly as `prisma migrate deploy` does. */
/**
 * The settings a migration may read with `current_setting('scoop.<name>', true)` (e.g. the fee rates jobs that
 * already exist are given, 20261129205124_job_fee_rates), passed as session options on the migration connection.
 */
export function withMigrationSettings(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const settings: [string, string | undefined][] = [
    ["scoop.platform_fee_percent", env.PLATFORM_FEE_PERCENT],
    ["scoop.cancellation_fee_percent", env.CANCELLATION_FEE_PERCENT],
  ];
  const options = settings.filter(([, v]) => v && /^\d{1,3}$/.test(v)).map(([k, v]) => `-c ${k}=${v}`);
  if (!options.length) return databaseUrl;
  const url = new URL(databaseUrl);
  url.searchParams.set("options", [url.searchParams.get("options"), ...options].filter(Boolean).join(" "));
  return url.toString();
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withSchemaEngine(withMigrationSettings(databaseUrl), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the committed migrations to the schema in prisma/schema.prisma ("" when they agree).
 * The engine replays the migrations into a shadow database it creates beside `scratchUrl`; the pg adapter
 * ignores the shadow's name when given a connection string, so the replay lands in `scratchUrl` itself:
 * it must be an empty, throw-away database (see scratch-database.ts).
 */
export async function diffMigrationsToSchema(scratchUrl: string): Promise<string> {
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const migrations = readMigrationsList();
  return withSchemaEngine(scratchUrl, async (engine) => {
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
