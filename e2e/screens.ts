/**
 * Screenshots of what a user sees, at desktop and phone width, saved under .data/test-results/screens/ by the
 * e2e run so anyone can look (issue 16). Also fails when the page is wider than the viewport (something is
 * off-screen at that width).
 */
import { expect, type Page } from "@playwright/test";
import path from "node:path";

export const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const dir = path.resolve(".data/test-results/screens");

export async function screens(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${label} width is wider than the screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
