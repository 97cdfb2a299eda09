/**
 * A throw-away database on the same server as DATABASE_URL (or SCRATCH_DATABASE_URL), for diffing.
 * The engine needs a reachable, empty database even when it only compares schemas.
 */
import crypto from "node:crypto";
import { createDatabase, dropDatabase } from "../lib/services.ts";

export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.SCRATCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) throw new Error("Set DATABASE_URL (any database on a server where this user may create databases).");
  const name = `scoop_scratch_${crypto.randomBytes(6).toString("hex")}`;
  const url = await createDatabase(server, name);
  try {
    return await fn(url);
  } finally {
    await dropDatabase(server, name);
  }
}
