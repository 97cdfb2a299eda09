/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL through Prisma's wasm schema engine. */
import "dotenv/config";
import { applyMigrations } from "./schema-engine.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date: no pending migrations.");
