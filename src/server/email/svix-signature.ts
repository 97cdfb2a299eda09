/**
 * Verifies a Svix-signed webhook (Resend signs its webhooks this way): the signed content is
 * `${svix-id}.${svix-timestamp}.${raw body}`, HMAC-SHA256 with the base64 key after the secret's "whsec_" prefix,
 * sent base64 as one or more space-separated "v1,<signature>" in svix-signature. A timestamp more than five
 * minutes off is refused (replays). Hand-written (a dozen lines) rather than a dependency.
 */
import crypto from "node:crypto";

export const SVIX_TOLERANCE_SECONDS = 5 * 60;

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };

export function svixSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return crypto.createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/** True when one of the signatures matches and the timestamp is fresh. */
export function verifySvix(secret: string, headers: SvixHeaders, body: string, now = new Date()): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SVIX_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(svixSignature(secret, id, timestamp, body));
  return signature.split(" ").some((part) => {
    const [version, value] = part.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}
