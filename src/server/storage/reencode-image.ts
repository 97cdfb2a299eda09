/**
 * The one upload pipeline for user images (job photos, scooper profile photos): decode with sharp (the only proof
 * that a file is an image: names and MIME types are the client's word), bake in the EXIF orientation and re-encode
 * as JPEG without metadata (EXIF, GPS, XMP). Refuses empty, oversized and undecodable files.
 */
import { megabytesForWords } from "@/lib/megabytes";
import sharp, { type OutputInfo } from "sharp";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif", "avif", "gif", "tiff"]);
// Refuse decompression bombs: 50 megapixels is far beyond any phone photo.
const MAX_INPUT_PIXELS = 50_000_000;

export function maxImageBytes(): number {
  return env.PHOTO_MAX_BYTES;
}

/** The stripped JPEG, or BAD_REQUEST in plain words. `square` also crops it to a centred square of that size. */
export async function reencodeImage(bytes: Buffer, opts: { square?: number; logContext?: Record<string, unknown> } = {}): Promise<{ data: Buffer; info: OutputInfo }> {
  if (bytes.length > env.PHOTO_MAX_BYTES) {
    throw new AppError("BAD_REQUEST", "photo.tooLarge", { megabytes: megabytesForWords(env.PHOTO_MAX_BYTES) });
  }
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "photo.empty");
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw new Error(`unsupported format ${meta.format}`);
    // rotate() bakes the EXIF orientation into the pixels; without withMetadata() sharp writes no EXIF/GPS/XMP.
    const rotated = image.rotate();
    const sized = opts.square ? rotated.resize(opts.square, opts.square, { fit: "cover" }) : rotated;
    return await sized.jpeg({ quality: 90, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  } catch (err) {
    logger.info({ err: (err as Error).message, ...opts.logContext }, "image upload refused: not a decodable image");
    throw new AppError("BAD_REQUEST", "photo.unreadable");
  }
}
