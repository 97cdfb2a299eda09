/**
 * A scooper's profile photo, for the scooper, admins and customers whose job they hold or held
 * (src/server/accounts/scooper-profile.ts); anyone else gets 404. Private: the URL carries `?v=` per photo.
 */
import { getSessionFromHeaders } from "@/server/auth/session";
import { readScooperPhoto } from "@/server/accounts/scooper-profile";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { getStorage } from "@/server/storage/storage";

export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const session = await getSessionFromHeaders(req.headers);
    const data = await readScooperPhoto(db, getStorage(), session?.user ?? null, id);
    return new Response(new Uint8Array(data), {
      headers: { "content-type": "image/jpeg", "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
    });
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
