/**
 * Issue 16, a light page: the compressed bytes of every JavaScript file Chromium downloads for a page at a phone
 * viewport, until the network is idle, stay within budget (Next 16 no longer prints first-load sizes, and bytes
 * are deterministic for a build, so this is a plain test). Sentry's browser SDK must not count when no DSN is set.
 */
import { expect, test, type Page } from "@playwright/test";
import { personContext } from "./fixtures";

async function scriptBytes(page: Page, path: string, ready?: string): Promise<{ total: number; files: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, string>();
  let total = 0;
  const files: string[] = [];
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, e.response.url);
  });
  cdp.on("Network.loadingFinished", (e) => {
    const url = scripts.get(e.requestId);
    if (url === undefined) return;
    total += e.encodedDataLength; // bytes on the wire: compressed body (+ headers, a few hundred bytes)
    files.push(`${Math.round(e.encodedDataLength / 1024)} kB ${new URL(url).pathname}`);
  });
  await page.goto(path);
  // A page whose main part loads after hydration (the board's map) counts it: idle before it started is not idle.
  if (ready) await page.locator(ready).first().waitFor({ state: "attached", timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return { total, files };
}

/**
 * Issue 16's budgets. Measured (brotli, headers included): /sign-in 192 → 143.2 kB, /board ~280 → 217 kB with
 * its map loaded, after the tRPC and next-intl client providers left the root layout, zod left the map, the
 * board's list and the sign-in form, the sign-in form took its words as props, and the chunks went out in brotli
 * (docs/architecture.md "Tests"). A page that grows past its budget is a regression to find, not a ceiling to raise.
 */
const BUDGETS = [
  { path: "/sign-in", kB: 150, ready: undefined },
  { path: "/board", kB: 250, ready: ".leaflet-container" },
] as const;

for (const budget of BUDGETS) {
  test(`${budget.path} downloads at most ${budget.kB} kB of compressed JavaScript on a phone`, async ({ browser }) => {
    const context = await personContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const { total, files } = await scriptBytes(page, budget.path, budget.ready);
    const kB = total / 1024;
    console.log(`${budget.path}: ${kB.toFixed(1)} kB of JavaScript (budget ${budget.kB})\n  ${files.join("\n  ")}`);
    expect(files.some((f) => /sentry/i.test(f)), "the Sentry SDK is loaded without a DSN").toBe(false);
    expect(kB, files.join("\n")).toBeLessThanOrEqual(budget.kB);
    await context.close();
  });
}
