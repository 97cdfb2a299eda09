/** `npm run db:check`: fails when prisma/schema.prisma and prisma/migrations disagree (a migration is missing). */
import "dotenv/config";
import { diffMigrationsToSchema } from "./schema-engine.ts";
import { withScratchDatabase } from "./scratch-database.ts";

const sql = await withScratchDatabase(diffMigrationsToSchema);
if (sql.trim() && !/^-- This is an empty migration\.\s*$/.test(sql)) {
  console.error("prisma/schema.prisma differs from prisma/migrations. Run `npm run db:migration -- <name>`. Missing SQL:\n");
  console.error(sql);
  process.exit(1);
}
console.log("Schema and migrations agree.");
