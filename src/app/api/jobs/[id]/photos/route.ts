/**
 * Photo upload (multipart/form-data: `file`, `kind` = BEFORE | AFTER | DISPUTE). The size cap is checked on the declared
 * length before the body is read, and again on the file; src/server/jobs/photos.ts does every other check.
 */
import { z } from "zod";
import { getSessionFromHeaders } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { maxPhotoBytes, uploadJobPhoto } from "@/server/jobs/photos";
import { logger } from "@/server/logger";
import { getStorage } from "@/server/storage/storage";

export const runtime = "nodejs";

const kindSchema = z.enum(["BEFORE", "AFTER", "DISPUTE"]);
// Multipart framing and the other fields add a little to the file's own size.
const MULTIPART_OVERHEAD = 64 * 1024;

function fail(code: keyof typeof HTTP_STATUS, message: string) {
  return Response.json({ error: { code, message } }, { status: HTTP_STATUS[code] });
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: jobId } = await params;
  try {
    const session = await getSessionFromHeaders(req.headers);
    if (!session) return fail("UNAUTHORIZED", "Please sign in.");
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > maxPhotoBytes() + MULTIPART_OVERHEAD) return fail("BAD_REQUEST", "The photo is too large.");
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    const kind = kindSchema.safeParse(form?.get("kind"));
    if (!(file instanceof Blob) || !kind.success) return fail("BAD_REQUEST", "Send a `file` and a `kind` of BEFORE, AFTER or DISPUTE.");
    if (file.size > maxPhotoBytes()) return fail("BAD_REQUEST", "The photo is too large.");
    const bytes = Buffer.from(await file.arrayBuffer());
    const photo = await uploadJobPhoto(db, getStorage(), session.user, { jobId, kind: kind.data, bytes });
    return Response.json(photo, { status: 201 });
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    logger.error({ err, jobId }, "photo upload failed");
    return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
  }
}
