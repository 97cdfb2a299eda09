/**
 * The shared front half of every image upload route: the per-user and per-IP upload rate limits, then the
 * multipart body read with a hard cap (the file's own cap plus room for the framing and the other fields).
 * Throws TOO_MANY_REQUESTS (AppError) or BodyTooLargeError; null when the body is not multipart form data.
 */
import { env } from "@/env";
import { clientIp, UNKNOWN_IP } from "./client-ip";
import { enforceRateLimit } from "./rate-limit";
import { readBodyCapped } from "./request-body";

const MULTIPART_OVERHEAD = 64 * 1024;

export async function readUploadForm(req: Request, userId: string, maxFileBytes: number): Promise<FormData | null> {
  await enforceRateLimit("upload-user", userId, env.RATE_LIMIT_UPLOAD, "uploads");
  const ip = clientIp(req.headers);
  if (ip !== UNKNOWN_IP) await enforceRateLimit("upload-ip", ip, env.RATE_LIMIT_UPLOAD, "uploads");
  const body = await readBodyCapped(req, maxFileBytes + MULTIPART_OVERHEAD);
  return new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => null);
}
