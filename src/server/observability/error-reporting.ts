/**
 * Sends an unexpected error to Sentry, tagged with the ids that let someone find the logs around it (request,
 * user, queue job) and nothing personal (the event is scrubbed again in beforeSend). A no-op when Sentry is
 * not initialised (no DSN), so callers never check. Uses @sentry/core, which the web SDK (@sentry/nextjs) and the
 * worker SDK (@sentry/node) both initialise, so this module runs unchanged in either process.
 */
import * as Sentry from "@sentry/core";
import { getRequestContext, type RequestContext } from "./request-context";

export function reportError(err: unknown, context: Partial<RequestContext> & { tags?: Record<string, string> } = {}): void {
  if (!Sentry.isEnabled()) return;
  const { tags, ...ids } = context;
  const merged = { ...getRequestContext(), ...ids };
  Sentry.withScope((scope) => {
    if (merged.userId) scope.setUser({ id: merged.userId });
    if (merged.requestId) scope.setTag("request_id", merged.requestId);
    if (merged.queue) scope.setTag("queue", merged.queue);
    if (merged.jobId) scope.setTag("job_id", merged.jobId);
    if (tags) scope.setTags(tags);
    Sentry.captureException(err);
  });
}

/** Waits (bounded) until queued reports are sent: call before a process exits. */
export async function flushErrorReports(timeoutMs = 2_000): Promise<void> {
  if (Sentry.isEnabled()) await Sentry.flush(timeoutMs);
}
