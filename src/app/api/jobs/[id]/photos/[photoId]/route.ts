/** Serves one photo variant (`?size=thumb|display|original`) to viewers who may see it; never cached publicly. */
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { photoSignatureValid } from "@/server/jobs/photo-signature";
import { readJobPhoto } from "@/server/jobs/photos";
import { getStorage } from "@/server/storage/storage";

export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const { id, photoId } = await params;
  const search = new URL(req.url).searchParams;
  const size = search.get("size");
  const variant = size === "thumb" || size === "original" ? size : "display";
  try {
    const signed = photoSignatureValid(id, photoId, variant, search.get("exp"), search.get("sig"));
    const session = signed ? null : await getSessionFromHeaders(req.headers);
    const photo = await readJobPhoto(db, getStorage(), session?.user ?? null, id, photoId, variant, signed);
    return new Response(new Uint8Array(photo.data), {
      headers: { "content-type": photo.contentType, "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" },
    });
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
