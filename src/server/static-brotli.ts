/**
 * Next's build chunks in brotli for browsers that accept it. Next's own compression is gzip only; brotli makes
 * the same JavaScript ~15% smaller, which is what a phone on a slow network waits for (issue 16's byte budgets
 * count compressed bytes). The files under /_next/static are named by their content and never change, so each
 * is compressed once, at the highest quality, and kept in memory. With ASSET_PREFIX a CDN serves them instead
 * (and compresses them itself).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const cache = new Map<string, Buffer | null>();

export type BrotliAsset = { body: Buffer; contentType: string };

/** The brotli body for a static chunk or stylesheet, or null when the request is not for one or wants no brotli. */
export function brotliStaticAsset(pathname: string, acceptEncoding: string | string[] | undefined, root = path.join(process.cwd(), ".next/static")): BrotliAsset | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const contentType = TYPES[path.extname(pathname)];
  if (!contentType || !/\bbr\b/.test(String(acceptEncoding ?? ""))) return null;
  const rel = pathname.slice(PREFIX.length);
  if (!/^[\w\-./~]+$/.test(rel) || rel.split("/").includes("..")) return null;
  let body = cache.get(rel);
  if (body === undefined) {
    const file = path.join(root, rel);
    body = fs.existsSync(file) ? zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : null;
    cache.set(rel, body);
  }
  return body ? { body, contentType } : null;
}
