/**
 * The signed-in scooper's profile photo (multipart/form-data: `file`). Same limits as job photos: the body is cut
 * at the cap as it streams, uploads are rate-limited per user and per IP, and src/server/accounts/scooper-profile.ts
 * decodes, re-encodes without EXIF and stores it. Only scoopers upload one, and only their own.
 */
import { can } from "@/lib/permissions";
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { uploadScooperPhoto } from "@/server/accounts/scooper-profile";
import { logger } from "@/server/logger";
import { maxImageBytes } from "@/server/storage/reencode-image";
import { getStorage } from "@/server/storage/storage";
import { BodyTooLargeError } from "@/server/security/request-body";
import { readUploadForm } from "@/server/security/upload-form";

export const runtime = "nodejs";


function fail(code: keyof typeof HTTP_STATUS | "PAYLOAD_TOO_LARGE", message: string) {
  return Response.json({ error: { code, message } }, { status: code === "PAYLOAD_TOO_LARGE" ? 413 : HTTP_STATUS[code] });
}

export async function POST(req: Request) {
  try {
    const session = await getSessionFromHeaders(req.headers);
    if (!session) return fail("UNAUTHORIZED", "Please sign in.");
    if (!can(session.user.roles, "jobs.claim")) return fail("FORBIDDEN", "Only scoopers have a profile photo.");
    const form = await readUploadForm(req, session.user.id, maxImageBytes());
    const file = form?.get("file");
    if (!(file instanceof Blob)) return fail("BAD_REQUEST", "Send the photo as `file`.");
    if (file.size > maxImageBytes()) return fail("BAD_REQUEST", "The photo is too large.");
    const profile = await uploadScooperPhoto(db, getStorage(), session.user.id, Buffer.from(await file.arrayBuffer()));
    return Response.json({ photoVersion: profile.photoVersion }, { status: 201 });
  } catch (err) {
    if (err instanceof BodyTooLargeError) return fail("PAYLOAD_TOO_LARGE", "The photo is too large.");
    if (err instanceof AppError) return fail(err.code, err.message);
    logger.error({ err }, "profile photo upload failed");
    return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
  }
}
