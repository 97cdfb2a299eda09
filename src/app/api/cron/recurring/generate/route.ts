import crypto from "node:crypto";
import { env } from "@/env";
import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";

export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  if (!env.CRON_SECRET || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(env.CRON_SECRET);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** For an external cron: `POST` with `Authorization: Bearer $CRON_SECRET`. Idempotent; answers the run's counts. */
export async function POST(req: Request) {
  if (!authorized(req.headers.get("authorization"))) {
    return Response.json({ error: "Unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  const { serviceDate, generated, skipped, skippedByCustomer, skippedByWeather, failed, failures } = await generateDueRecurringJobs(db);
  return Response.json({ serviceDate, generated, skipped, skippedByCustomer, skippedByWeather, failed, failures }, { status: failed > 0 ? 207 : 200 });
}
