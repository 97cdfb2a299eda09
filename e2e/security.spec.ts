/**
 * Issue 20, probed from outside against the production build: the browser policy on real pages (and that the
 * map still draws under it), foreign-origin mutations, cache headers on signed-in answers, sessions that end at
 * sign-out even for a copied cookie, redirects that stay on the site, and error text only the site chose.
 */
import { expect, test } from "@playwright/test";
import { DEMO, personContext, signIn, signOut } from "./fixtures";

const trpcGet = (path: string) => `/api/trpc/${path}`;

test("pages carry a nonce CSP and the other security headers, and the board map works under them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/board");
  const headers = res!.headers();
  const csp = headers["content-security-policy"]!;
  const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("geolocation=(self)");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Next put the nonce on its own inline scripts, so the page hydrated: the map drew its tiles.
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(page.locator(".leaflet-tile-loaded").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 20_000 });
  expect(violations).toEqual([]);
});

test("a mutation from another site's page is refused; the same call from this site goes through", async ({ request }) => {
  const body = { json: { email: "nobody@example.test" } };
  const foreign = await request.post(trpcGet("accounts.requestPasswordReset"), { data: body, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  const crossSite = await request.post(trpcGet("accounts.requestPasswordReset"), { data: body, headers: { "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  const own = await request.post(trpcGet("accounts.requestPasswordReset"), { data: body, headers: { "sec-fetch-site": "same-origin" } });
  expect(own.status()).toBe(200);
});

test("sign-out ends the session: a copied cookie no longer works, and signed-in answers are never cached", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  await signIn(page, DEMO.customer);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const me = await context.request.get(trpcGet("accounts.me"), { headers: { cookie } });
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("private, no-store");

  // The landing page is public for visitors only: a signed-in person gets the map there, never cached.
  const signedInHome = await context.request.get("/", { headers: { cookie } });
  expect(signedInHome.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);

  await signOut(page);
  const replayed = await context.request.get(trpcGet("accounts.me"), { headers: { cookie } });
  expect(replayed.status()).toBe(401);
  await context.close();
});

test("sign-in never redirects to another site and shows only its own error messages", async ({ browser }) => {
  const context = await personContext(browser);
  const page = await context.newPage();
  await page.goto("/sign-in?error=Your%20account%20is%20locked.%20Call%20555-0100");
  await expect(page.getByText("Sign-in failed. Please try again.")).toBeVisible();
  await expect(page.getByText("555-0100")).toHaveCount(0);

  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.example%2F");
  await page.getByLabel("Email").fill(DEMO.scooper.email);
  await page.getByLabel("Password").fill(DEMO.scooper.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  await context.close();
});

test("public answers say how long they may be cached: the signed-out landing page and the icons", async ({ request }) => {
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  expect(home.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=600");
  expect(home.headers()["vary"]).toMatch(/\bCookie\b/);
  // Its language follows Accept-Language, so a shared cache must keep one copy per language.
  expect(home.headers()["vary"]).toMatch(/\bAccept-Language\b/);
  const spanish = await request.get("/", { headers: { "accept-language": "es-US,es;q=0.9" } });
  expect(await spanish.text()).toContain('lang="es"');
  expect(await home.text()).toContain('lang="en"');
  const icon = await request.get("/icons/icon-192.png");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["cache-control"]).toBe("public, max-age=604800, stale-while-revalidate=86400");
  const chunk = (await home.text()).match(/\/_next\/static\/chunks\/[^"]+\.js/)?.[0];
  expect(chunk, "the page links its chunks").toBeTruthy();
  const chunkHeaders = (await request.get(chunk!)).headers();
  expect(chunkHeaders["cache-control"]).toContain("immutable");
  // Readable from a CDN's origin (ASSET_PREFIX): fonts and the service worker's precache fetch them with CORS.
  expect(chunkHeaders["access-control-allow-origin"]).toBe("*");
});
