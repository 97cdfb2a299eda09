import { checkReadiness } from "@/server/system/health";

export const dynamic = "force-dynamic";

/** Readiness: database, Redis, worker heartbeat age and queue backlog; 503 with the failing parts when not ready. */
export async function GET() {
  const report = await checkReadiness();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
