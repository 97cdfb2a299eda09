/**
 * The caller's address, which every rate limit keys on. X-Forwarded-For is a list each proxy appends to, so only
 * its right end is trustworthy: with `TRUST_PROXY_HOPS` = n proxies of our own in front of the app (Render: 2: Cloudflare, then Render's proxy),
 * the client is the n-th address from the right of [...X-Forwarded-For, socket address]. Everything further
 * left was written by the client and is ignored. With no trusted proxy (0) the socket address is used.
 *
 * The web server (src/server/web-server.ts) resolves it once per request and writes it onto CLIENT_IP_HEADER,
 * replacing anything a client sent under that name; code running outside the web server (tests, scripts) falls
 * back to resolving it from X-Forwarded-For alone.
 */
import { env } from "@/env";
import { resolveClientIp, UNKNOWN_IP } from "./resolve-client-ip";

export { resolveClientIp, UNKNOWN_IP };

export const CLIENT_IP_HEADER = "x-scoop-client-ip";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** The caller's IP for rate limits. */
export function clientIp(headers: HeaderBag): string {
  return header(headers, CLIENT_IP_HEADER) ?? resolveClientIp(header(headers, "x-forwarded-for"), undefined, env.TRUST_PROXY_HOPS);
}
