/**
 * What the web server (src/server/web-server.ts) adds to every response and refuses before Next runs:
 * - a Content-Security-Policy without 'unsafe-inline' scripts: a fresh nonce per request, handed to Next on the
 *   request's own CSP header (Next reads it there and puts the nonce on its inline bootstrap scripts, as in the
 *   documented proxy pattern) plus 'strict-dynamic', so scripts those load (chunks, Stripe.js) run too. Every
 *   page is rendered per request (the header reads the session), so no page is served static without a nonce.
 * - frame-ancestors 'none' / X-Frame-Options, nosniff, Referrer-Policy, Permissions-Policy, HSTS on https;
 * - `Cache-Control: private, no-store` by default when the request carries a session cookie (a handler that
 *   sets its own, such as signed photo files or static assets, keeps it);
 * - state-changing requests from another site (Origin / Sec-Fetch-Site), except the signed Stripe webhook,
 *   the bearer-token cron endpoint and the RFC 8058 one-click unsubscribe that mail providers POST.
 * Done here and not in a Next proxy: Next 16's proxy buffers request bodies, which would undo the upload cap.
 */
/** `assetPrefix`: ASSET_PREFIX, the CDN origin `/_next/static` is served from (docs/deploy.md "CDN"). */
export type PolicyOptions = { appUrl: string; dev: boolean; tileUrl: string; sentryDsn?: string; assetPrefix?: string };

const originOf = (url: string | undefined) => {
  try {
    return url && /^https?:\/\//.test(url) ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

export function contentSecurityPolicy(nonce: string, opts: PolicyOptions): string {
  const app = new URL(opts.appUrl);
  const https = app.protocol === "https:";
  const tiles = originOf(opts.tileUrl);
  const sentry = originOf(opts.sentryDsn);
  const ws = `${https ? "wss" : "ws"}://${app.host}`;
  // Next's chunks, styles and fonts from the CDN. (Scripts load through the nonce and 'strict-dynamic' anyway;
  // the origin is listed for browsers without it.)
  const assets = originOf(opts.assetPrefix);
  const cdn = assets ? [assets] : [];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    // 'self' and the Stripe host only matter to browsers without 'strict-dynamic'; modern ones follow the nonce.
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "https://js.stripe.com", ...cdn, ...(opts.dev ? ["'unsafe-eval'"] : [])]],
    // Leaflet positions tiles and markers with inline styles.
    ["style-src", ["'self'", "'unsafe-inline'", ...cdn]],
    ["img-src", ["'self'", "data:", "blob:", "https://*.stripe.com", ...(tiles ? [tiles] : []), ...cdn]],
    ["font-src", ["'self'", "data:", ...cdn]],
    // The CDN too: the service worker precaches the build's files from ASSET_PREFIX (Serwist rewrites their URLs), and
    // its fetches follow connect-src.
    ["connect-src", ["'self'", ws, "https://api.stripe.com", ...(sentry ? [sentry] : []), ...cdn, ...(opts.dev ? ["ws:"] : [])]],
    ["frame-src", ["https://js.stripe.com", "https://hooks.stripe.com"]],
    ["worker-src", ["'self'"]],
    ["manifest-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return [...directives.map(([name, values]) => `${name} ${values.join(" ")}`), ...(https ? ["upgrade-insecure-requests"] : [])].join("; ");
}

export function securityHeaders(csp: string, opts: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "geolocation=(self), microphone=(), usb=(), payment=(self \"https://js.stripe.com\")",
    ...(new URL(opts.appUrl).protocol === "https:" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
export const hasSessionCookie = (cookie: string | undefined) => !!cookie && SESSION_COOKIE.test(cookie);

/**
 * How long a copy may be reused, for answers that are the same for everyone: the signed-out landing page (a
 * minute fresh, then served stale for ten while the cache refetches; `Vary: Cookie, Accept-Language`, so a
 * signed-in visitor, who gets the map there, is never given it, and a copy in one language is not served to a
 * browser that asks for another) and the app icons (a week). Next's own `/_next/static` files are already
 * `immutable` for a year, and `/sw.js` stays `no-cache`. Everything else keeps Next's answer, and a request with a
 * session cookie `private, no-store`. The page's CSP nonce is reused with a cached copy: acceptable for a page
 * that holds no one's data and renders no user input, and why the page's lifetime is short.
 */
export const PUBLIC_PAGE_CACHE = "public, max-age=60, stale-while-revalidate=600";
export const ICON_CACHE = "public, max-age=604800, stale-while-revalidate=86400";
const PUBLIC_PAGES = new Set(["/"]);

/** The landing page's language follows the `scoop-locale` cookie, else Accept-Language (src/i18n/request.ts). */
const PUBLIC_PAGE_VARY = ["Cookie", "Accept-Language"];

export function publicCacheControl(method: string, pathname: string, cookie: string | undefined): { cacheControl: string; vary: string[] } | null {
  const m = method.toUpperCase();
  if (m !== "GET" && m !== "HEAD") return null;
  if (pathname.startsWith("/icons/")) return { cacheControl: ICON_CACHE, vary: [] };
  if (PUBLIC_PAGES.has(pathname) && !hasSessionCookie(cookie)) return { cacheControl: PUBLIC_PAGE_CACHE, vary: PUBLIC_PAGE_VARY };
  return null;
}

/** `existing` (a Vary header, if any) with each of `more` added once, compared without case. */
export function withVary(existing: string | undefined, more: string[]): string | undefined {
  const names = (existing ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  for (const name of more) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.length ? names.join(", ") : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Called by other servers, never by a signed-in browser: each checks its own signature, bearer or token.
const CROSS_SITE_ALLOWED = [/^\/api\/webhooks\/stripe$/, /^\/api\/cron\//, /^\/unsubscribe$/];

/** True when a state-changing request comes from another site's page and must be refused (403). */
export function isCrossSiteWrite(method: string, pathname: string, headers: { origin?: string; "sec-fetch-site"?: string }, appUrl: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (CROSS_SITE_ALLOWED.some((p) => p.test(pathname))) return false;
  const site = headers["sec-fetch-site"];
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.origin;
  // No Origin and no Sec-Fetch-Site: not a browser (curl, a server), which cannot carry a victim's cookies.
  if (!origin) return false;
  return origin !== new URL(appUrl).origin;
}
