import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { API_MAX_BODY_BYTES, BodyTooLargeError, payloadTooLarge, readBodyCapped } from "@/server/security/request-body";

const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  if (req.method !== "POST") return nextAuth(req, ctx);
  // next-auth reads the whole body itself; hand it a copy read under the cap instead.
  try {
    const body = await readBodyCapped(req, API_MAX_BODY_BYTES);
    return await nextAuth(new NextRequest(req.url, { method: req.method, headers: req.headers, body }), ctx);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return payloadTooLarge();
    throw err;
  }
}

export { handler as GET, handler as POST };
