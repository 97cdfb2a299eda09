/**
 * The id that ties together everything one request causes: the web server's log lines, the tRPC procedure,
 * the queue jobs it enqueues and the worker's log lines for those jobs, and any Sentry event on the way.
 *
 * Carried in AsyncLocalStorage so code deep in a service (or `enqueue`) never has to pass it along. The web
 * server opens a context per HTTP request, the tRPC middleware per procedure call, the worker per job. To add a
 * field (say, a tenant id), add it to `RequestContext`; logger.ts and the Sentry tags pick up what is here.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

export type RequestContext = {
  requestId: string;
  /** The signed-in user's id (never an email or a name: this ends up in logs and error reports). */
  userId?: string;
  /** Set inside the worker while it processes a job. */
  queue?: string;
  jobId?: string;
  /** Time spent so far, for the Server-Timing header (query-timing.ts). Not logged. */
  timing?: RequestTiming;
};

/**
 * `dbMs` is wall-clock time with at least one query in flight since `startedAt` (queries run side by side count
 * once), so it never exceeds the total; `dbBusyUntil` is the end of the latest query counted.
 */
export type RequestTiming = { startedAt: number; dbMs: number; queries: number; dbBusyUntil: number };

export function newRequestTiming(): RequestTiming {
  const now = performance.now();
  return { startedAt: now, dbMs: 0, queries: 0, dbBusyUntil: now };
}

// One store per process, on globalThis: Next's compiled bundles carry their own copy of this module beside
// web-server.ts's, and the context web-server.ts opens must be the one their route handlers and pages read.
const storage = ((globalThis as { scoopRequestContext?: AsyncLocalStorage<RequestContext> }).scoopRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

// A caller-supplied id is echoed into logs and headers, so only short, plain tokens are accepted.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A proxy's (or client's) request id when it is a safe token, else a fresh one. */
export function requestIdFrom(value: string | string[] | null | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && SAFE_REQUEST_ID.test(candidate) ? candidate : newRequestId();
}
