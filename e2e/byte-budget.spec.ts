/**
 * Issue 16, a light page: the compressed bytes of every JavaScript file Chromium downloads for a page at a phone
 * viewport, until the network is idle, stay within budget (Next 16 no longer prints first-load sizes, and bytes
 * are deterministic for a build, so this is a plain test). Sentry's browser SDK must not count when no DSN is set.
 */
import { expect, test, type Page } from "@playwright/test";
import { personContext } from "./fixtures";

async function scriptBytes(page: Page, path: string): Promise<{ total: number; files: string[] }> {
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
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return { total, files };
}

/**
 * `kB` is the ceiling enforced today, a ratchet just above what the build downloads (measured: /sign-in 225 kB
 * before zod left every page, /board 284 kB); `targetKB` is issue 16's goal, not met yet: the tRPC/React Query
 * provider in the root layout and zod on the map still load on these pages. Lower `kB` as they come down.
 */
const BUDGETS = [
  { path: "/sign-in", kB: 200, targetKB: 150 },
  { path: "/board", kB: 290, targetKB: 250 },
] as const;

for (const budget of BUDGETS) {
  test(`${budget.path} downloads at most ${budget.kB} kB of compressed JavaScript on a phone (target ${budget.targetKB} kB)`, async ({ browser }) => {
    const context = await personContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const { total, files } = await scriptBytes(page, budget.path);
    const kB = total / 1024;
    console.log(`${budget.path}: ${kB.toFixed(1)} kB of JavaScript (ceiling ${budget.kB}, target ${budget.targetKB})\n  ${files.join("\n  ")}`);
    expect(files.some((f) => /sentry/i.test(f)), "the Sentry SDK is loaded without a DSN").toBe(false);
    expect(kB, files.join("\n")).toBeLessThanOrEqual(budget.kB);
    await context.close();
  });
}
