import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hasSessionCookie, ICON_CACHE, isCrossSiteWrite, PUBLIC_PAGE_CACHE, publicCacheControl, securityHeaders, withVary } from "./http-policy";

const opts = { appUrl: "https://scoop.example", dev: false, tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" };

describe("the browser policy", () => {
  it("allows scripts only by nonce (no unsafe-inline, no unsafe-eval in production) and no framing", () => {
    const csp = contentSecurityPolicy("abc123", opts);
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://*.stripe.com https://tile.openstreetmap.org");
    expect(csp).toContain("connect-src 'self' wss://scoop.example");
  });

  it("lets styles, fonts, images, the service worker's precache (and scripts, for browsers without 'strict-dynamic') come from ASSET_PREFIX's CDN, and nothing else", () => {
    const csp = contentSecurityPolicy("abc123", { ...opts, assetPrefix: "https://static.scoop.example/assets" });
    const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `))!;
    for (const name of ["script-src", "style-src", "font-src", "img-src", "connect-src"]) expect(directive(name)).toContain("https://static.scoop.example");
    for (const name of ["frame-src", "worker-src", "default-src", "form-action"]) expect(directive(name)).not.toContain("static.scoop.example");
    expect(contentSecurityPolicy("abc123", opts)).not.toContain("static.scoop.example");
  });

  it("sends HSTS only when APP_URL is https", () => {
    expect(securityHeaders("x", opts)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders("x", { ...opts, appUrl: "http://localhost:3000" })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("recognises next-auth's session cookie, plain or __Secure-, whole or chunked", () => {
    expect(hasSessionCookie("a=1; next-auth.session-token=x")).toBe(true);
    expect(hasSessionCookie("__Secure-next-auth.session-token.0=x")).toBe(true);
    expect(hasSessionCookie("next-auth.csrf-token=x")).toBe(false);
  });
});

describe("isCrossSiteWrite", () => {
  const app = "https://scoop.example";
  it("refuses mutations from another site, by Sec-Fetch-Site or Origin", () => {
    expect(isCrossSiteWrite("POST", "/api/trpc/jobs.post", { "sec-fetch-site": "cross-site" }, app)).toBe(true);
    expect(isCrossSiteWrite("POST", "/api/trpc/jobs.post", { "sec-fetch-site": "same-site" }, app)).toBe(true);
    expect(isCrossSiteWrite("POST", "/api/jobs/1/photos", { origin: "https://evil.example" }, app)).toBe(true);
    expect(isCrossSiteWrite("POST", "/api/auth/signout", { origin: "null" }, app)).toBe(true);
  });
  it("lets this site, non-browser clients, safe methods and the signed machine endpoints through", () => {
    expect(isCrossSiteWrite("POST", "/api/trpc/jobs.post", { "sec-fetch-site": "same-origin", origin: app }, app)).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/trpc/jobs.post", { origin: app }, app)).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/trpc/jobs.post", {}, app)).toBe(false);
    expect(isCrossSiteWrite("GET", "/api/trpc/jobs.byId", { "sec-fetch-site": "cross-site" }, app)).toBe(false);
    for (const path of ["/api/webhooks/stripe", "/api/cron/recurring/generate", "/unsubscribe"]) {
      expect(isCrossSiteWrite("POST", path, { "sec-fetch-site": "cross-site", origin: "https://mail.example" }, app)).toBe(false);
    }
  });
});

describe("publicCacheControl", () => {
  it("lets the signed-out landing page and the icons be cached, varying the page on the cookie and the language", () => {
    expect(publicCacheControl("GET", "/", undefined)).toEqual({ cacheControl: PUBLIC_PAGE_CACHE, vary: ["Cookie", "Accept-Language"] });
    expect(publicCacheControl("HEAD", "/", "theme=dark")).toEqual({ cacheControl: PUBLIC_PAGE_CACHE, vary: ["Cookie", "Accept-Language"] });
    expect(publicCacheControl("GET", "/icons/icon-192.png", "next-auth.session-token=x")).toEqual({ cacheControl: ICON_CACHE, vary: [] });
    expect(PUBLIC_PAGE_CACHE).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
  });
  it("leaves signed-in answers, other pages and writes alone", () => {
    expect(publicCacheControl("GET", "/", "next-auth.session-token=x")).toBeNull();
    expect(publicCacheControl("GET", "/board", undefined)).toBeNull();
    expect(publicCacheControl("GET", "/api/trpc/jobs.board", undefined)).toBeNull();
    expect(publicCacheControl("POST", "/", undefined)).toBeNull();
  });
  it("adds Vary names to Next's own once, whatever their case", () => {
    expect(withVary(undefined, ["Cookie", "Accept-Language"])).toBe("Cookie, Accept-Language");
    expect(withVary("RSC, Next-Router-State-Tree, cookie", ["Cookie", "Accept-Language"])).toBe("RSC, Next-Router-State-Tree, cookie, Accept-Language");
    expect(withVary(undefined, [])).toBeUndefined();
  });
});
