/**
 * Serves one photo variant (`?size=thumb|display|original`) to viewers who may see it, or to a valid signed link
 * (photo-signature.ts). Only a signed, content-addressed link's answer may be cached publicly (until it expires).
 */
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { headerLocale } from "@/server/i18n/caller-locale";
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
    const version = search.get("v");
    const exp = search.get("exp");
    const signed = photoSignatureValid(id, photoId, variant, exp, search.get("sig"), Date.now(), version);
    const session = signed ? null : await getSessionFromHeaders(req.headers);
    const photo = await readJobPhoto(db, getStorage(), session?.user ?? null, id, photoId, variant, signed);
    // A signed, content-addressed URL names one file for a few minutes: a CDN may keep it until the signature
    // expires. (A URL issued before the smaller copies existed now gets them: served, but not to be cached.)
    // Anything else (a cookie-checked answer, or such a stale link) is private and kept nowhere, as every signed-in
    // answer is: whoever loses access to the job stops seeing the photo at once.
    const cacheable = signed && version !== null && version === photo.version;
    const cacheControl = cacheable ? `public, max-age=${Math.max(0, Number(exp) - Math.floor(Date.now() / 1000))}, immutable` : "private, no-store";
    return new Response(new Uint8Array(photo.data), {
      headers: { "content-type": photo.contentType, "cache-control": cacheControl, "x-content-type-options": "nosniff" },
    });
  } catch (err) {
    if (err instanceof AppError) return new Response(err.messageIn(headerLocale(req.headers)), { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
