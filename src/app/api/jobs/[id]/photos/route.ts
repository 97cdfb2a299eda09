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
import { AppError, HTTP_STATUS } from "@/server/errors";
import { maxPhotoBytes, uploadJobPhoto } from "@/server/jobs/photos";
import { logger } from "@/server/logger";
import { getStorage } from "@/server/storage/storage";
import { BodyTooLargeError } from "@/server/security/request-body";
import { readUploadForm } from "@/server/security/upload-form";

export const runtime = "nodejs";

const kindSchema = z.enum(["BEFORE", "AFTER", "DISPUTE", "UNREACHABLE", "MESSAGE"]);
const clientKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullable();

function fail(code: keyof typeof HTTP_STATUS | "PAYLOAD_TOO_LARGE", message: string) {
  return Response.json({ error: { code, message } }, { status: code === "PAYLOAD_TOO_LARGE" ? 413 : HTTP_STATUS[code] });
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: jobId } = await params;
  try {
    const session = await getSessionFromHeaders(req.headers);
    if (!session) return fail("UNAUTHORIZED", "Please sign in.");
    const form = await readUploadForm(req, session.user.id, maxPhotoBytes());
    const file = form?.get("file");
    const kind = kindSchema.safeParse(form?.get("kind"));
    if (!(file instanceof Blob) || !kind.success) return fail("BAD_REQUEST", "Send a `file` and a `kind` of BEFORE, AFTER, DISPUTE, UNREACHABLE or MESSAGE.");
    const clientKey = clientKeySchema.safeParse(form?.get("key") ?? null);
    if (!clientKey.success) return fail("BAD_REQUEST", "The photo key must be 8 to 64 letters, digits, dashes or underscores.");
    if (file.size > maxPhotoBytes()) return fail("BAD_REQUEST", "The photo is too large.");
    const bytes = Buffer.from(await file.arrayBuffer());
    const photo = await uploadJobPhoto(db, getStorage(), session.user, { jobId, kind: kind.data, bytes, clientKey: clientKey.data });
    return Response.json({ id: photo.id }, { status: photo.replayed ? 200 : 201 });
  } catch (err) {
    if (err instanceof BodyTooLargeError) return fail("PAYLOAD_TOO_LARGE", "The photo is too large.");
    if (err instanceof AppError) return fail(err.code, err.message);
    logger.error({ err, jobId }, "photo upload failed");
    return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
  }
}
