/**
 * Next's build chunks in brotli for browsers that accept it. Next's own compression is gzip only; brotli makes
 * the same JavaScript ~15% smaller, which is what a phone on a slow network waits for (issue 16's byte budgets
 * count compressed bytes). The files under /_next/static are named by their content and never change, so each
 * is compressed once, at the highest quality, and kept in memory. With ASSET_PREFIX a CDN serves them instead
 * (and compresses them itself).
 *
 * Compression runs on libuv's thread pool, never on the event loop: at quality 11 the largest chunk takes a few
 * hundred milliseconds of CPU, and compressing on the request path stalled every other request (the first page
 * load after a start painted ~2 s late in Lighthouse's runs, its stylesheet waiting behind the chunks). The web
 * server warms the cache in the background when it starts (`warmBrotliCache`); a request that comes first waits
 * for its own file's compression, not for the others.
 */
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };
const brotli = promisify(zlib.brotliCompress);
const cache = new Map<string, Promise<Buffer | null>>();

export type BrotliAsset = { body: Buffer; contentType: string };

export const DEFAULT_STATIC_ROOT = path.join(process.cwd(), ".next/static");

function compressed(root: string, rel: string): Promise<Buffer | null> {
  const key = path.join(root, rel);
  let body = cache.get(key);
  if (!body) {
    body = fs.promises.readFile(key).then(
      (raw) => brotli(raw, OPTIONS),
      () => null,
    );
    cache.set(key, body);
  }
  return body;
}

/** The brotli body for a static chunk or stylesheet, or null when the request is not for one or wants no brotli. */
export async function brotliStaticAsset(pathname: string, acceptEncoding: string | string[] | undefined, root = DEFAULT_STATIC_ROOT): Promise<BrotliAsset | null> {
  if (!pathname.startsWith(PREFIX)) return null;
  const contentType = TYPES[path.extname(pathname)];
  if (!contentType || !/\bbr\b/.test(String(acceptEncoding ?? ""))) return null;
  const rel = pathname.slice(PREFIX.length);
  if (!/^[\w\-./~]+$/.test(rel) || rel.split("/").includes("..")) return null;
  const body = await compressed(root, rel);
  return body ? { body, contentType } : null;
}

/** Compresses every chunk and stylesheet of the build, one at a time (the start-up leaves the CPU to requests). */
export async function warmBrotliCache(root = DEFAULT_STATIC_ROOT): Promise<number> {
  const files = (await fs.promises.readdir(root, { recursive: true })).filter((f) => path.extname(f) in TYPES);
  for (const rel of files) await compressed(root, rel.split(path.sep).join("/"));
  return files.length;
}
