/**
 * Signed photo links, readable without a session:
 * - in the app (`withSignedPhotoUrls`): every photo URL the job page and the dispute queue hand out is signed for
 *   PHOTO_URL_TTL_SECONDS (minutes) and content-addressed: `v` names the stored file (a hash of its storage key,
 *   and keys are written once), so the bytes behind a URL never change and a CDN may cache the answer until the
 *   signature expires. URLs are only issued to viewers who may see the photo now (get-job.ts), so a viewer who
 *   loses access gets no new one and the last expires within minutes;
 * - in emails (`signedPhotoUrl`): the "job completed" thumbnails, for a poster reading mail signed out, for
 *   PHOTO_LINK_DAYS.
 * The HMAC (under NEXTAUTH_SECRET) covers the job, photo, size, expiry and version.
 */
import crypto from "node:crypto";
import { env } from "@/env";
import { photoUrl, type PhotoVariant } from "./photo-urls";

const PHOTO_LINK_DAYS = 30;

function signature(jobId: string, photoId: string, variant: PhotoVariant, exp: number, version: string | null): string {
  const base = `photo:${jobId}:${photoId}:${variant}:${exp}${version ? `:${version}` : ""}`;
  return crypto.createHmac("sha256", env.NEXTAUTH_SECRET).update(base).digest("base64url");
}

/** The content address of a stored file: its storage key, hashed (a key is written once, never overwritten). */
export function photoVersion(storageKey: string): string {
  return crypto.createHash("sha256").update(storageKey).digest("base64url").slice(0, 16);
}

function signedPath(jobId: string, photoId: string, variant: PhotoVariant, exp: number, version: string | null): string {
  const v = version ? `&v=${version}` : "";
  return `${photoUrl(jobId, photoId, variant)}${v}&exp=${exp}&sig=${signature(jobId, photoId, variant, exp, version)}`;
}

export function signedPhotoUrl(jobId: string, photoId: string, variant: PhotoVariant, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + PHOTO_LINK_DAYS * 86_400;
  return new URL(signedPath(jobId, photoId, variant, exp, null), env.APP_URL).toString();
}

export type StoredPhoto = { id: string; originalKey: string; displayKey: string | null; thumbKey: string | null };

/** The key a size is served from now (the original until the worker has made the smaller copies). */
export function storedKey(photo: Omit<StoredPhoto, "id">, variant: PhotoVariant): string {
  return (variant === "thumb" ? photo.thumbKey : variant === "display" ? photo.displayKey : null) ?? photo.originalKey;
}

/** A photo row as the browser gets it: its storage keys replaced by signed, content-addressed display and thumbnail URLs. */
export function withSignedPhotoUrls<P extends StoredPhoto>(
  jobId: string, photo: P, opts: { ttlSeconds?: number; now?: number } = {},
): Omit<P, "originalKey" | "displayKey" | "thumbKey"> & { url: string; thumbUrl: string } {
  const { originalKey: _o, displayKey: _d, thumbKey: _t, ...rest } = photo;
  const exp = Math.floor((opts.now ?? Date.now()) / 1000) + (opts.ttlSeconds ?? env.PHOTO_URL_TTL_SECONDS);
  const url = (variant: PhotoVariant) => signedPath(jobId, photo.id, variant, exp, photoVersion(storedKey(photo, variant)));
  return { ...rest, url: url("display"), thumbUrl: url("thumb") };
}

export function photoSignatureValid(
  jobId: string, photoId: string, variant: PhotoVariant, exp: string | null, sig: string | null, now = Date.now(), version: string | null = null,
): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now) return false;
  if (version !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(version)) return false;
  const expected = Buffer.from(signature(jobId, photoId, variant, Number(exp), version));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
