import { checkLiveness } from "@/server/system/health";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while the web process answers (Render's health check). It checks no dependency on purpose: a
 * database outage would otherwise make Render restart every web instance. Readiness is /api/health/ready.
 */
export function GET() {
  return Response.json(checkLiveness("web"), { headers: { "cache-control": "no-store" } });
}
