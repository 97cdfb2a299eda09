/**
 * Signed-out, one-click unsubscribe: a token naming (user, kind), signed with HMAC-SHA256 under a key derived
 * from NEXTAUTH_SECRET. It never expires (old emails keep working) and only ever turns a kind's email off.
 */
import crypto from "node:crypto";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");

function signature(secret: string, payload: string): string {
  return crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

export function createUnsubscribeToken(secret: string, userId: string, kind: string): string {
  const payload = b64(JSON.stringify([userId, kind]));
  return `${payload}.${signature(secret, payload)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const [payload, sig] = token.split(".");
  if (!payload || !sig || token.split(".").length !== 2) return null;
  const expected = Buffer.from(signature(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { userId: parsed[0], kind: parsed[1] };
    }
  } catch {
    // fall through: a malformed payload is an invalid token
  }
  return null;
}
