/**
 * Issue 17: Scoop installs as an app, and a scooper without signal can photograph and complete a job.
 * `context.setOffline` cuts the page's own requests but not the service worker's, so "nothing was sent while
 * offline" is checked on the server: every upload or completion that reached it would have been accepted (a valid
 * photo for a job the scooper holds), so no photo row and no completion prove no request arrived.
 */
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { distinctivePrice, personContext, pngPhoto, postJob, signUpAndConfirm, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

async function serverSide(jobId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const job = await client.query<{ status: string }>(`SELECT status FROM "CleanupJob" WHERE id = $1`, [jobId]);
    const photos = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Photo" WHERE "jobId" = $1 AND kind = 'AFTER'`, [jobId]);
    const completed = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "JobEvent" WHERE "jobId" = $1 AND type = 'completed'`, [jobId]);
    return { status: job.rows[0]?.status, afterPhotos: photos.rows[0]!.n, completions: completed.rows[0]!.n };
  } finally {
    await client.end();
  }
}

/** What the phone's IndexedDB (src/lib/offline/offline-store.ts) holds about a job. */
function storedOnPhone(page: Page, jobId: string) {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("scoop-offline");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const get = (store: string) =>
      new Promise<unknown>((resolve) => {
        const req = db.transaction(store).objectStore(store).get(id);
        req.onsuccess = () => resolve(req.result ?? null);
      });
    const result = { job: await get("jobs"), completion: await get("completions") };
    db.close();
    return result;
  }, jobId);
}

/** Puts a job copy (with access notes) in the phone's IndexedDB, as the job page would have. */
function plantCopy(page: Page, jobId: string) {
  return page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open("scoop-offline");
        req.onsuccess = () => {
          const tx = req.result.transaction("jobs", "readwrite");
          tx.objectStore("jobs").put({ jobId: id, status: "CLAIMED", address: "1 Gate St", publicNotes: null, accessNotes: "code 1234", startDeadlineAt: null, autoConfirmAt: null, savedAt: new Date().toISOString() });
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    jobId,
  );
}

/** The page is controlled by the registered worker (it claims pages as soon as it activates). */
async function controlledByWorker(page: Page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 30_000 }).toMatch(/\/sw\.js$/);
}

test("the manifest and service worker are served with the right headers and Chromium finds the app installable", async ({ playwright, launchOptions, baseURL }) => {
  // A persistent profile: Chromium never offers to install from an incognito-like context, which newContext() is.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-install-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
  await page.goto("/");

  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = (await manifest.json()) as { display: string; start_url: string; theme_color: string; icons: { sizes: string; purpose: string }[] };
  expect(body).toMatchObject({ display: "standalone", start_url: "/", theme_color: "#157f42" });
  expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");

  const sw = await page.request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toContain("javascript");
  expect(sw.headers()["service-worker-allowed"]).toBe("/");
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  expect(sw.headers()["content-security-policy"]).toContain("worker-src 'self'");
  const script = await sw.text();
  // The one worker: Serwist's precache and the push handler that used to live in public/sw.js.
  expect(script).toContain("showNotification");
  expect(script).toContain("/_next/static/");

  await controlledByWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  expect(cspErrors).toEqual([]);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test("a scooper without signal photographs and completes a job; it is sent once, with both photos, when the signal returns", async ({ browser }) => {
  test.setTimeout(180_000);
  const customerContext = await personContext(browser);
  const customer = await customerContext.newPage();
  await signUpAndConfirm(customer, { name: "Olive Offline", email: uniqueEmail("off-customer"), password: "customer pass 123" });
  const address = `${Math.floor(Math.random() * 900) + 100} No Signal Rd, Brooklyn`;
  const jobId = await postJob(customer, { address, price: distinctivePrice(377) });
  await customerContext.close();

  const context = await personContext(browser, { permissions: ["geolocation"], geolocation: { latitude: 40.6782, longitude: -73.9442 } });
  const scooper = await context.newPage();
  await signUpAndConfirm(scooper, { name: "Fern Field", email: uniqueEmail("off-scooper"), password: "scooper pass 123", scooper: true });
  await scooper.goto(`/jobs/${jobId}`);
  await scooper.getByRole("button", { name: "Claim this job" }).click();
  await scooper.getByRole("button", { name: /start/ }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("In progress");
  await controlledByWorker(scooper);
  await expect.poll(async () => ((await storedOnPhone(scooper, jobId)).job as { address?: string } | null)?.address).toBe(address);

  await context.setOffline(true);
  await scooper.locator('[data-testid="field-completion"] input[type="file"]').setInputFiles([await pngPhoto("after-1.png", { r: 30, g: 120, b: 60 }), await pngPhoto("after-2.png", { r: 90, g: 60, b: 30 })]);
  const queued = scooper.getByTestId("queued-photo");
  await expect(queued).toHaveCount(2);
  await expect(queued.first()).toHaveAttribute("data-state", "queued");
  await expect(queued.first()).toContainText("Saved on this phone");
  await scooper.getByRole("button", { name: "Mark done" }).click();
  await expect(scooper.getByTestId("queued-completion")).toContainText("No signal");
  await screens(scooper, "offline-queue");
  const axe = await new AxeBuilder({ page: scooper }).include('[data-testid="field-completion"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // Give a wrongly eager sender (the worker's Background Sync, which setOffline does not stop) time to act.
  await scooper.waitForTimeout(3000);
  expect(await serverSide(jobId)).toEqual({ status: "IN_PROGRESS", afterPhotos: 0, completions: 0 });

  // Closing the tab or reloading keeps the queue: it lives in IndexedDB.
  await scooper.reload();
  await expect(scooper.getByTestId("queued-photo")).toHaveCount(2);
  await expect(scooper.getByTestId("queued-completion")).toBeVisible();
  await expect(scooper.getByText(address)).toBeVisible();
  await screens(scooper, "offline-reloaded");
  expect(await serverSide(jobId)).toEqual({ status: "IN_PROGRESS", afterPhotos: 0, completions: 0 });

  await context.setOffline(false);
  await expect.poll(() => serverSide(jobId), { timeout: 30_000 }).toEqual({ status: "COMPLETED", afterPhotos: 2, completions: 1 });
  await scooper.goto(`/jobs/${jobId}`);
  await expect(scooper.getByTestId("job-status")).toHaveText("Completed");
  await expect(scooper.getByAltText("after photo")).toHaveCount(2);
  await expect(scooper.getByTestId("queued-photo")).toHaveCount(0);
  // The claim has ended: nothing about the job is left on the phone.
  expect(await storedOnPhone(scooper, jobId)).toEqual({ job: null, completion: null });
  expect(await serverSide(jobId)).toEqual({ status: "COMPLETED", afterPhotos: 2, completions: 1 });

  // The Cache API holds the app shell and the anonymous offline page only: no API answer, no signed-in page.
  const cached = await scooper.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  expect(cached.length).toBeGreaterThan(10);
  expect(cached.filter((u) => !u.startsWith("/_next/static/") && !u.startsWith("/icons/") && u !== "/offline")).toEqual([]);

  // A copy of a claim that ended while the phone was elsewhere (released, cancelled) leaves it when My jobs is seen…
  await plantCopy(scooper, "ended-claim");
  await scooper.goto("/my-jobs");
  await expect.poll(async () => (await storedOnPhone(scooper, "ended-claim")).job).toBeNull();
  // …and signing out wipes whatever the phone still holds.
  await plantCopy(scooper, "other-claim");
  expect((await storedOnPhone(scooper, "other-claim")).job).not.toBeNull();
  await scooper.getByRole("button", { name: "Sign out" }).click();
  await expect(scooper.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await storedOnPhone(scooper, "other-claim")).toEqual({ job: null, completion: null });
  await context.close();
});
