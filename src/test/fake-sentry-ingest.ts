/**
 * Sentry's ingest endpoint played by a tiny HTTP server on 127.0.0.1: every envelope it receives is kept raw and
 * split into its items (`{ type, payload }`), for tests of error reports and traces.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

export type EnvelopeItem = { type: string; payload: unknown };
export type FakeIngest = { dsn: string; received: { raw: string; items: EnvelopeItem[] }[]; close: () => Promise<void> };

export async function startFakeSentryIngest(): Promise<FakeIngest> {
  const received: FakeIngest["received"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const raw = (req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
      // An envelope is newline-separated JSON: a header, then (item header, item payload) pairs.
      const lines = raw.split("\n").filter(Boolean);
      const items: EnvelopeItem[] = [];
      for (let i = 1; i + 1 < lines.length; i += 2) {
        items.push({ type: (JSON.parse(lines[i]!) as { type?: string }).type ?? "", payload: JSON.parse(lines[i + 1]!) });
      }
      received.push({ raw, items });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
