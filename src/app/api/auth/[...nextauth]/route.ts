import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { authOptions } from "@/server/auth/options";
import { clientIp } from "@/server/security/client-ip";
import { enforceRateLimit } from "@/server/security/rate-limit";
import { API_MAX_BODY_BYTES, BodyTooLargeError, payloadTooLarge, readBodyCapped } from "@/server/security/request-body";

type Ctx = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: Ctx) => Promise<Response>;

async function handler(req: NextRequest, ctx: Ctx) {
  if (req.method !== "POST") return nextAuth(req, ctx);
  try {
    // Email sign-in links are limited per address here (the provider only sees the email, limited per email).
    if (new URL(req.url).pathname.endsWith("/signin/email")) {
      await enforceRateLimit("magic-link-ip", clientIp(req.headers), env.RATE_LIMIT_MAGIC_LINK_IP, "signInLinksNetwork");
    }
    // next-auth reads the whole body itself; hand it a copy read under the cap instead.
    const body = await readBodyCapped(req, API_MAX_BODY_BYTES);
    return await nextAuth(new NextRequest(req.url, { method: req.method, headers: req.headers, body }), ctx);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return payloadTooLarge();
    // The shape next-auth's signIn() reads: its `error` becomes the form's message code.
    if (err instanceof AppError && err.code === "TOO_MANY_REQUESTS") {
      return Response.json({ url: new URL("/sign-in?error=TooManyRequests", env.APP_URL).toString() }, { status: 429 });
    }
    throw err;
  }
}

export { handler as GET, handler as POST };
