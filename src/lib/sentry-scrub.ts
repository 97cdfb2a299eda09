/**
 * Strips personal data from every Sentry event before it leaves the process (browser, web server, worker).
 * Error reports may carry the user's id and the request/job ids, nothing that names or locates a person:
 * no emails, names, addresses, coordinates, cookies, auth headers or request bodies. Isomorphic on purpose:
 * the browser SDK uses it too. To keep another field out, add its key to PERSONAL_KEY.
 */
import type { Breadcrumb, DataCollection, Event, Exception, StackFrame } from "@sentry/core";

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const PERSONAL_KEY =
  /^(e-?mail|.*_?email|name|first_?name|last_?name|full_?name|username|.*address|phone|password.*|.*token|secret|cookies?|authorization|access_?notes|lat|lng|latitude|longitude|ip|ip_address)$/i;
const SAFE_HEADERS = new Set(["user-agent", "content-type", "accept", "x-request-id", "x-trpc-source"]);
const REDACTED = "[redacted]";

/** What the SDK may collect in the first place (Sentry 11's `dataCollection`); beforeSend scrubs the rest. */
export const SENTRY_DATA_COLLECTION: DataCollection = {
  userInfo: false,
  cookies: false,
  httpHeaders: { request: { allow: [...SAFE_HEADERS] }, response: false },
  httpBodies: [],
  urlQueryParams: false,
  databaseQueryData: false,
  stackFrameVariables: false,
  graphQL: { document: false, variables: false },
  genAI: { inputs: false, outputs: false },
};

export function scrubString(value: string): string {
  return value.replace(EMAIL, "[email]");
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, PERSONAL_KEY.test(k) ? REDACTED : scrubValue(v, depth + 1)]),
  );
}

// Source lines around a frame are code, but code can hold literals (fixtures, templates) worth no risk.
function scrubFrame(frame: StackFrame): StackFrame {
  return {
    ...frame,
    context_line: frame.context_line === undefined ? undefined : scrubString(frame.context_line),
    pre_context: frame.pre_context?.map(scrubString),
    post_context: frame.post_context?.map(scrubString),
    vars: undefined,
  };
}

function scrubException(value: Exception): Exception {
  return {
    ...value,
    value: value.value === undefined ? undefined : scrubString(value.value),
    stacktrace: value.stacktrace && { ...value.stacktrace, frames: value.stacktrace.frames?.map(scrubFrame) },
  };
}

function scrubBreadcrumb(crumb: Breadcrumb): Breadcrumb {
  return {
    ...crumb,
    message: crumb.message === undefined ? undefined : scrubString(crumb.message),
    data: crumb.data ? (scrubValue(crumb.data) as Breadcrumb["data"]) : undefined,
  };
}

export function scrubSentryEvent<E extends Event>(event: E): E {
  const out: E = { ...event };
  // Only the id survives: Sentry would otherwise add the IP address, and callers might add an email.
  out.user = event.user?.id !== undefined ? { id: event.user.id } : undefined;
  if (event.request) {
    const headers = Object.fromEntries(
      Object.entries(event.request.headers ?? {}).filter(([k]) => SAFE_HEADERS.has(k.toLowerCase())),
    );
    out.request = {
      method: event.request.method,
      url: event.request.url?.split("?")[0],
      headers,
    };
  }
  if (event.message) out.message = scrubString(event.message);
  if (event.exception?.values) {
    out.exception = {
      ...event.exception,
      values: event.exception.values.map(scrubException),
    };
  }
  if (event.breadcrumbs) out.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  if (event.extra) out.extra = scrubValue(event.extra) as E["extra"];
  if (event.tags) out.tags = scrubValue(event.tags) as E["tags"];
  return out;
}
