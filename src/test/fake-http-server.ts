/**
 * A tiny HTTP server on 127.0.0.1 (random port) that records every request and answers from a script, for
 * tests that must prove what an external API (Resend, a push service) really received.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };
export type FakeResponse = { status: number; json?: unknown };

export async function startFakeHttpServer(respond: (req: RecordedRequest, index: number) => FakeResponse) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const answer = respond(recorded, requests.length - 1);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.json === undefined ? "" : JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
