import { checkHealth } from "@/server/system/health";

export const dynamic = "force-dynamic";

/** Database and Redis status; 503 when either is down. The worker's heartbeat age is reported, not required. */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
