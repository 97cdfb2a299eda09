import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { logger } from "@/server/logger";
import { reportError } from "@/server/observability/error-reporting";
import { serverTimingHeader } from "@/server/observability/query-timing";
import { getRequestContext, newRequestId, newRequestTiming, REQUEST_ID_HEADER, runWithRequestContext } from "@/server/observability/request-context";
import { getSessionFromHeaders } from "@/server/auth/session";
import { BodyTooLargeError, payloadTooLarge, withCappedBody } from "@/server/security/request-body";

const handler = async (incoming: Request) => {
  let req: Request;
  try {
    req = await withCappedBody(incoming);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return payloadTooLarge();
    throw err;
  }
  // Total and database time of this request, answered as Server-Timing (query-timing.ts). A streamed batch
  // (httpBatchStreamLink) sends its headers before its procedures finish: its figures cover the time until then.
  const timing = newRequestTiming();
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? getRequestContext()?.requestId ?? newRequestId();
  const res = await runWithRequestContext({ ...getRequestContext(), requestId, timing }, () => answer(req));
  const headers = new Headers(res.headers);
  headers.set("Server-Timing", serverTimingHeader(timing));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
};

function answer(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createTRPCContext({ headers: req.headers, session: await getSessionFromHeaders(req.headers) }),
    // Procedure errors are logged and reported by the errorMapping middleware; this catches the 500s that happen
    // before any procedure runs (building the context, e.g. the session lookup failing).
    onError: ({ error, ctx }) => {
      if (ctx || error.code !== "INTERNAL_SERVER_ERROR") return;
      logger.error({ requestId: req.headers.get("x-request-id"), err: error.cause ?? error }, "tRPC context failed");
      reportError(error.cause ?? error, { tags: { "trpc.stage": "context" } });
    },
  });
}

export { handler as GET, handler as POST };
