import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { brotliStaticAsset } from "./static-brotli";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-static-"));
fs.mkdirSync(path.join(root, "chunks"));
const source = "export const x = 1;\n".repeat(500);
fs.writeFileSync(path.join(root, "chunks", "a1.js"), source);

describe("brotliStaticAsset", () => {
  it("answers a build chunk in brotli, smaller than the file and decoding to it", () => {
    const asset = brotliStaticAsset("/_next/static/chunks/a1.js", "gzip, deflate, br, zstd", root);
    expect(asset?.contentType).toMatch(/^application\/javascript/);
    expect(asset!.body.length).toBeLessThan(source.length);
    expect(zlib.brotliDecompressSync(asset!.body).toString()).toBe(source);
  });
  it("leaves everything else to Next: no brotli asked, other paths, missing files, escapes", () => {
    expect(brotliStaticAsset("/_next/static/chunks/a1.js", "gzip, deflate", root)).toBeNull();
    expect(brotliStaticAsset("/_next/static/chunks/missing.js", "br", root)).toBeNull();
    expect(brotliStaticAsset("/_next/static/../../etc/passwd.js", "br", root)).toBeNull();
    expect(brotliStaticAsset("/_next/static/media/font.woff2", "br", root)).toBeNull();
    expect(brotliStaticAsset("/board", "br", root)).toBeNull();
  });
});
