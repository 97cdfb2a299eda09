import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { brotliStaticAsset, warmBrotliCache } from "./static-brotli";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-static-"));
fs.mkdirSync(path.join(root, "chunks"));
const source = "export const x = 1;\n".repeat(500);
fs.writeFileSync(path.join(root, "chunks", "a1.js"), source);

describe("brotliStaticAsset", () => {
  it("answers a build chunk in brotli, smaller than the file and decoding to it", async () => {
    const asset = await brotliStaticAsset("/_next/static/chunks/a1.js", "gzip, deflate, br, zstd", root);
    expect(asset?.contentType).toMatch(/^application\/javascript/);
    expect(asset!.body.length).toBeLessThan(source.length);
    expect(zlib.brotliDecompressSync(asset!.body).toString()).toBe(source);
  });
  it("leaves everything else to Next: no brotli asked, other paths, missing files, escapes", async () => {
    expect(await brotliStaticAsset("/_next/static/chunks/a1.js", "gzip, deflate", root)).toBeNull();
    expect(await brotliStaticAsset("/_next/static/chunks/missing.js", "br", root)).toBeNull();
    expect(await brotliStaticAsset("/_next/static/../../etc/passwd.js", "br", root)).toBeNull();
    expect(await brotliStaticAsset("/_next/static/media/font.woff2", "br", root)).toBeNull();
    expect(await brotliStaticAsset("/board", "br", root)).toBeNull();
  });
  it("warms every chunk and stylesheet once, so a later request reads the same compressed body", async () => {
    const warm = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-static-warm-"));
    fs.mkdirSync(path.join(warm, "chunks"));
    fs.writeFileSync(path.join(warm, "chunks", "b2.js"), source);
    fs.writeFileSync(path.join(warm, "chunks", "c3.css"), "body{color:red}\n".repeat(200));
    fs.writeFileSync(path.join(warm, "chunks", "d4.woff2"), "font");
    expect(await warmBrotliCache(warm)).toBe(2);
    // The file is gone from disk: only the warmed cache can answer.
    fs.rmSync(path.join(warm, "chunks", "b2.js"));
    const asset = await brotliStaticAsset("/_next/static/chunks/b2.js", "br", warm);
    expect(zlib.brotliDecompressSync(asset!.body).toString()).toBe(source);
  });
});
