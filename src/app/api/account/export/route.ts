/** GET: the signed-in user's data as a JSON download (src/server/accounts/account-data.ts). */
import { exportAccountData } from "@/server/accounts/account-data";
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getSessionFromHeaders(req.headers);
  if (!session) return Response.json({ error: { code: "UNAUTHORIZED", message: "Please sign in." } }, { status: 401 });
  const data = await exportAccountData(db, session.user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="scoop-data.json"',
      "cache-control": "private, no-store",
    },
  });
}
