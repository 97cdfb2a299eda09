// Prisma CLI configuration (generate, studio). Migrations do not go through the stock CLI on machines
// without Prisma's binary host; see scripts/db/ and docs/database.md.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    // `generate` needs no database; Studio and the stock migrate commands read it from the environment.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/scoop",
  },
});
