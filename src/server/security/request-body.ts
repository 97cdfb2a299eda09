/**
 * Request bodies read with a hard cap: the bytes are counted as they stream in and the read stops (the stream is
 * cancelled) as soon as the cap is passed, whatever Content-Length says or when there is none (chunked upload).
 * Every route handler that reads a body goes through `readBodyCapped` instead of `req.formData()`/`req.text()`,
 * which would read everything first. tRPC calls never reach a route handler: the web server answers them with
 * tRPC's Node handler under the same `API_MAX_BODY_BYTES` (src/server/api/trpc-http.ts).
 */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
  }
}

/** JSON API calls (tRPC, sign-in forms, webhooks): far more than any real call sends. */
export const API_MAX_BODY_BYTES = 1024 * 1024;

export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  const out = new Uint8Array(new ArrayBuffer(0));
  if (!req.body) return out;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export const payloadTooLarge = () =>
  Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request is too large." } }, { status: 413 });
