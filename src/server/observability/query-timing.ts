/**
 * Where a request's time goes, without Sentry: every database query Prisma reports (its `query` event, with
 * Prisma's own duration) is added to the request's timing (request-context.ts), which the tRPC route answers
 * as a `Server-Timing` header (total and database time, readable in the browser's network panel), and a query
 * slower than SLOW_QUERY_MS is logged with its duration and SQL (never its parameters: they may be personal).
 */
import { logger } from "@/server/logger";
import { getRequestContext, type RequestTiming } from "./request-context";

export type QueryEvent = { query: string; duration: number };

export type SlowQueryLog = { warn: (fields: { durationMs: number; query: string }, message: string) => void };

export function recordQuery(event: QueryEvent, slowQueryMs: number, log: SlowQueryLog = logger, now = performance.now()): void {
  const timing = getRequestContext()?.timing;
  if (timing) addQueryTime(timing, event.duration, now);
  if (event.duration >= slowQueryMs) {
    log.warn({ durationMs: event.duration, query: event.query.slice(0, 1000) }, "slow query");
  }
}

/**
 * Adds a query that ended `now` after `durationMs` to the request's database time: only the part after the
 * request's start and after the queries already counted, so parallel queries (a `Promise.all` of reads) count
 * their overlap once and the database time stays within the total.
 */
export function addQueryTime(timing: RequestTiming, durationMs: number, now: number): void {
  const start = Math.max(now - durationMs, timing.startedAt, timing.dbBusyUntil);
  timing.dbMs += Math.max(0, now - start);
  timing.dbBusyUntil = Math.max(timing.dbBusyUntil, now);
  timing.queries += 1;
}

/** `total;dur=…, db;dur=…;desc="n queries"` (durations in ms). */
export function serverTimingHeader(timing: RequestTiming, now = performance.now()): string {
  const total = (now - timing.startedAt).toFixed(1);
  return `total;dur=${total}, db;dur=${timing.dbMs.toFixed(1)};desc="${timing.queries} ${timing.queries === 1 ? "query" : "queries"}"`;
}
