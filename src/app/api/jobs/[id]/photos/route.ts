/**
 * Photo upload (multipart/form-data: `file`, `kind` = BEFORE | AFTER | DISPUTE | UNREACHABLE | MESSAGE, optional `key`:
 * the device's idempotency key for this photo, 8–64 letters, digits, `-` or `_`; a repeat with the same key answers
 * 200 with the photo already stored instead of 201 with a new one). The body is counted as it streams and
 * cut at the cap (a chunked upload without Content-Length included), then the file is checked again; uploads are
 * rate-limited per user and per IP; src/server/jobs/photos.ts does every other check.
 */
import { z } from "zod";
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, errorMessage, HTTP_STATUS, localizedError } from "@/server/errors";
import { headerLocale } from "@/server/i18n/caller-locale";
import type { Locale } from "@/lib/i18n/locales";
import { maxPhotoBytes, uploadJobPhoto } from "@/server/jobs/photos";
import { logger } from "@/server/logger";
import { getStorage } from "@/server/storage/storage";
import { BodyTooLargeError } from "@/server/security/request-body";
import { readUploadForm } from "@/server/security/upload-form";

export const runtime = "nodejs";

const kindSchema = z.enum(["BEFORE", "AFTER", "DISPUTE", "UNREACHABLE", "MESSAGE"]);
const clientKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullable();

/** A refusal in the caller's language, with its `{ reason, params }` like tRPC's error data. */
function fail(err: AppError, locale: Locale) {
  return Response.json({ error: localizedError(err, locale) }, { status: HTTP_STATUS[err.code] });
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: jobId } = await params;
  let locale = headerLocale(req.headers);
  try {
    const session = await getSessionFromHeaders(req.headers);
    if (!session) return fail(new AppError("UNAUTHORIZED", "auth.signIn"), locale);
    locale = headerLocale(req.headers, session.user.locale);
    const form = await readUploadForm(req, session.user.id, maxPhotoBytes());
    const file = form?.get("file");
    const kind = kindSchema.safeParse(form?.get("kind"));
    if (!(file instanceof Blob) || !kind.success) return fail(new AppError("BAD_REQUEST", "upload.missingFields"), locale);
    const clientKey = clientKeySchema.safeParse(form?.get("key") ?? null);
    if (!clientKey.success) return fail(new AppError("BAD_REQUEST", "upload.badKey"), locale);
    if (file.size > maxPhotoBytes()) return fail(new AppError("BAD_REQUEST", "upload.tooLarge"), locale);
    const bytes = Buffer.from(await file.arrayBuffer());
    const photo = await uploadJobPhoto(db, getStorage(), session.user, { jobId, kind: kind.data, bytes, clientKey: clientKey.data });
    return Response.json({ id: photo.id }, { status: photo.replayed ? 200 : 201 });
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      return Response.json({ error: { ...localizedError(new AppError("BAD_REQUEST", "upload.tooLarge"), locale), code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
    }
    if (err instanceof AppError) return fail(err, locale);
    logger.error({ err, jobId }, "photo upload failed");
    return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: errorMessage(locale, "server.internal") } }, { status: 500 });
  }
}
