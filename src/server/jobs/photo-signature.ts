/**
 * Signed photo links for emails: the "job completed" email shows thumbnails to a poster reading mail signed
 * out, so its image URLs carry an expiry and an HMAC (under NEXTAUTH_SECRET) instead of needing a session.
 * A link names one photo and one size and works for PHOTO_LINK_DAYS.
 */
import crypto from "node:crypto";
import { env } from "@/env";
import { photoUrl, type PhotoVariant } from "./photo-urls";

const PHOTO_LINK_DAYS = 30;

function signature(jobId: string, photoId: string, variant: PhotoVariant, exp: number): string {
  return crypto.createHmac("sha256", env.NEXTAUTH_SECRET).update(`photo:${jobId}:${photoId}:${variant}:${exp}`).digest("base64url");
}

export function signedPhotoUrl(jobId: string, photoId: string, variant: PhotoVariant, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + PHOTO_LINK_DAYS * 86_400;
  return new URL(`${photoUrl(jobId, photoId, variant)}&exp=${exp}&sig=${signature(jobId, photoId, variant, exp)}`, env.APP_URL).toString();
}

export function photoSignatureValid(jobId: string, photoId: string, variant: PhotoVariant, exp: string | null, sig: string | null, now = Date.now()): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now) return false;
  const expected = Buffer.from(signature(jobId, photoId, variant, Number(exp)));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
