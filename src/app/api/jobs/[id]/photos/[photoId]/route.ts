/** Serves one photo variant (`?size=thumb|display|original`) to viewers who may see it; never cached publicly. */
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { readJobPhoto } from "@/server/jobs/photos";
import { getStorage } from "@/server/storage/storage";

export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const { id, photoId } = await params;
  const size = new URL(req.url).searchParams.get("size");
  const variant = size === "thumb" || size === "original" ? size : "display";
  try {
    const session = await getSessionFromHeaders(req.headers);
    const photo = await readJobPhoto(db, getStorage(), session?.user ?? null, id, photoId, variant);
    return new Response(new Uint8Array(photo.data), {
      headers: { "content-type": photo.contentType, "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" },
    });
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
