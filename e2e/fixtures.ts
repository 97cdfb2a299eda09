/** Shared steps for e2e specs: reading the dev mailbox, signing up and in. */
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { BOARD_MIN_PRICE_CHOICES_CENTS } from "../src/lib/board-limits";

export const DEMO = {
  admin: { email: "admin@scoop.test", password: "scoop-admin-dev" },
  customer: { email: "customer@scoop.test", password: "scoop-customer-dev" },
  scooper: { email: "scooper@scoop.test", password: "scoop-scooper-dev" },
};

export const uniqueEmail = (label = "e2e") => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The newest dev-mailbox message to `to` of `kind`, and the first link in it. */
export async function linkFromMailbox(page: Page, to: string, kind: string): Promise<string> {
  const message = page.locator(`[data-testid="mailbox-message"][data-kind="${kind}"]`).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    await expect(message).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const href = await message.locator("a").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

/**
 * Signs up through the form and confirms by the mailed link. A scooper also completes onboarding through the API
 * (profile, photo, every active statement) so they can claim, unless `onboard: false` (the onboarding spec).
 */
export async function signUpAndConfirm(page: Page, opts: { name: string; email: string; password: string; scooper?: boolean; onboard?: boolean }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password);
  if (opts.scooper) await page.getByLabel(/scooper/).check();
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await page.goto(await linkFromMailbox(page, opts.email, "sign-up-confirmation"));
  await expect(page.getByTestId("signed-in-as")).toHaveText(opts.name);
  if (opts.scooper && opts.onboard !== false) await completeScooperOnboarding(page, opts.name);
}

/** The signed-in scooper's onboarding, done over HTTP: a photo, a profile in New York, every active statement accepted. */
export async function completeScooperOnboarding(page: Page, displayName: string) {
  const photo = await pngPhoto("me.png");
  const upload = await page.request.post("/api/scooper/photo", { multipart: { file: photo } });
  expect(upload.status(), await upload.text()).toBe(201);
  await trpcMutate(page, "scooperOnboarding.saveProfile", { displayName, serviceLat: 40.6782, serviceLng: -73.9442, serviceRadiusKm: 10 });
  const mine = await page.request.get("/api/trpc/scooperOnboarding.mine");
  expect(mine.status()).toBe(200);
  const { attestations } = ((await mine.json()) as { result: { data: { json: { attestations: { id: string; version: number }[] } } } }).result.data.json;
  if (attestations.length) await trpcMutate(page, "scooperOnboarding.accept", { accepted: attestations.map(({ id, version }) => ({ id, version })) });
}

export async function signIn(page: Page, creds: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(creds.email);
  await page.getByLabel("Password").fill(creds.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A small real image (decodable by the server's sharp check): a 64×64 PNG of one colour. */
export async function pngPhoto(name: string, rgb: { r: number; g: number; b: number } = { r: 120, g: 90, b: 40 }) {
  const sharp = (await import("sharp")).default;
  const buffer = await sharp({ create: { width: 64, height: 64, channels: 3, background: rgb } }).png().toBuffer();
  return { name, mimeType: "image/png", buffer };
}

/** A price no seeded job has (the seed stays at $12–$24), so a spec can find its own job's pin by the badge. */
export const distinctivePrice = (dollars: number) => `${dollars}.${String(Math.floor(Math.random() * 90) + 10)}`;

/** Posts a job through the form as the signed-in customer (optionally with before photos); returns its id. */
export async function postJob(page: Page, opts: { address: string; price: string; beforePhoto?: Awaited<ReturnType<typeof pngPhoto>> }) {
  await page.goto("/jobs/new");
  await page.getByLabel("Address").fill(opts.address);
  await page.getByLabel("Price (USD)").fill(opts.price);
  await page.getByLabel("The pin is on my yard").check();
  await page.getByRole("button", { name: `Post for $${opts.price}` }).click();
  await expect(page.getByText("Posted.")).toBeVisible();
  if (opts.beforePhoto) {
    await page.locator('input[type="file"]').setInputFiles(opts.beforePhoto);
    await expect(page.getByText("Uploaded")).toBeVisible();
  }
  const href = await page.getByRole("link", { name: "View the job" }).getAttribute("href");
  const id = href?.match(/^\/jobs\/(.+)$/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/**
 * Opens the scooper board filtered to the largest minimum price it offers at or below `price` (above the seed's
 * $12–$24, so the spec's own job is not clustered with seeded ones), waits for the live connection, and returns
 * the map and that job's pin badge.
 */
export async function watchBoard(page: Page, price: string) {
  await page.goto("/board");
  const choice = Math.max(...BOARD_MIN_PRICE_CHOICES_CENTS.filter((cents) => cents <= Number(price) * 100));
  expect(choice, "a minimum price above the seed's jobs").toBeGreaterThan(2400);
  await page.getByLabel("Minimum price").selectOption(String(choice));
  const map = page.getByTestId("job-map");
  await expect(map.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 20_000 });
  return { map, pin: map.locator(".scoop-pin__badge", { hasText: `$${price}` }) };
}

/**
 * A browser context for one person on their own network: sign-ups are rate-limited per client IP (taken
 * from X-Forwarded-For, as behind Render's proxy), so specs that sign up several fresh users give each one
 * its own address instead of all sharing 127.0.0.1's small allowance.
 */
export async function personContext(browser: Browser, options: BrowserContextOptions = {}) {
  const ip = `10.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  return browser.newContext({ ...options, extraHTTPHeaders: { ...options.extraHTTPHeaders, "x-forwarded-for": ip } });
}

/** Calls a tRPC mutation over HTTP with the page's own session cookie (superjson wire format). */
export async function trpcMutate(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** A fresh customer and a fresh scooper, each signed up in a browser context (and network) of their own. */
export async function customerAndScooper(browser: Browser, label: string) {
  const poster = await personContext(browser);
  const scooper = await personContext(browser);
  const posterPage = await poster.newPage();
  const scooperPage = await scooper.newPage();
  await signUpAndConfirm(posterPage, { name: `${label} Poster`, email: uniqueEmail(`${label.toLowerCase()}-poster`), password: `${label} poster 123` });
  await signUpAndConfirm(scooperPage, { name: `${label} Scooper`, email: uniqueEmail(`${label.toLowerCase()}-scooper`), password: `${label} scooper 123`, scooper: true });
  return { posterPage, scooperPage, close: () => Promise.all([poster.close(), scooper.close()]) };
}
