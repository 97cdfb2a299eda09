/**
 * Issue 20 probes, run against real PostgreSQL and Redis: throttles that hold whatever the client writes in its
 * headers, redirects only to this site, push endpoints only on the public internet, capped request bodies,
 * sessions that end at sign-out, and mutations only from this site's own pages.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/server/accounts/password";
import { NextRequest } from "next/server";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { env } from "@/env";
import { TERMS_VERSION } from "@/lib/legal";
import { authOptions, authorizeCredentials, BAD_CREDENTIALS } from "@/server/auth/options";
import { encode } from "next-auth/jwt";
import { getSessionFromHeaders } from "@/server/auth/session";
import { purgeEndedSessions } from "@/server/auth/session-deny-list";
import { db } from "@/server/db";
import { deleteRedisPrefix } from "../../../scripts/lib/services.ts";
import { callerFor, callerWithSession, createUser, uniqueEmail, uniqueIpHeaders, validJobInput } from "@/test/factories";

const randomIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

async function verifiedUser() {
  const password = "correct horse battery";
  const user = await db.user.create({
    data: { email: uniqueEmail("sec"), name: "Sec", roles: ["CUSTOMER"], emailVerified: new Date(), passwordHash: await hashPassword(password) },
    select: { id: true, email: true, roles: true },
  });
  return { ...user, password };
}

describe("the client address behind the proxy (TRUST_PROXY_HOPS=1 in tests)", () => {
  it("keeps throttling sign-in when the client rewrites the left end of X-Forwarded-For", async () => {
    const user = await verifiedUser();
    // The trusted proxy appends the address it saw; everything to its left is written by the client.
    const realIp = randomIp();
    const spoofed = () => ({ "x-forwarded-for": `${randomIp()}, ${realIp}` });
    for (let i = 0; i < 5; i++) {
      await expect(authorizeCredentials({ email: user.email, password: "wrong password!" }, spoofed())).rejects.toThrow(BAD_CREDENTIALS);
    }
    for (let i = 0; i < 10; i++) {
      await expect(authorizeCredentials({ email: user.email, password: "wrong again!!" }, spoofed())).rejects.toThrow(/Too many sign-in attempts/);
    }
    await expect(authorizeCredentials({ email: user.email, password: user.password }, spoofed())).rejects.toThrow(/Too many sign-in attempts/);
  });

  // 25 bcrypt checks at the production cost (a missing account costs as much as a wrong password): CPU-bound by
  // design, so it gets room on a busy machine.
  it("throttles one address trying many accounts (password spraying)", { timeout: 120_000 }, async () => {
    const ip = randomIp();
    const headers = { "x-forwarded-for": ip };
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const err = await authorizeCredentials({ email: uniqueEmail("spray"), password: "Winter2026!" }, headers).catch((e: Error) => e.message);
      outcomes.push(String(err));
    }
    expect(outcomes.filter((o) => o === BAD_CREDENTIALS)).toHaveLength(20);
    expect(outcomes.slice(20).every((o) => /Too many sign-in attempts from your network/.test(o))).toBe(true);
  });

  it("limits password reset requests per address across emails", async () => {
    const headers = new Headers({ "x-forwarded-for": randomIp() });
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, () => callerFor(null, headers).accounts.requestPasswordReset({ email: uniqueEmail("reset") })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("rate limits on marketplace actions", () => {
  const outcome = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? "ok" : String((r.reason as { code?: string }).code));

  it("holds a per-user posting limit under concurrency, whatever address each call comes from", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const results = await Promise.allSettled(Array.from({ length: 24 }, () => callerFor(customer, uniqueIpHeaders()).jobs.post(validJobInput)));
    // Any other outcome (a timeout, an internal error) is named in the failure rather than counted as missing.
    expect(results.map((r) => (r.status === "rejected" && outcome(r) !== "TOO_MANY_REQUESTS" ? String(r.reason) : "")).filter(Boolean)).toEqual([]);
    expect(results.filter((r) => outcome(r) === "ok")).toHaveLength(20);
    expect(results.filter((r) => outcome(r) === "TOO_MANY_REQUESTS")).toHaveLength(4);
    expect(await db.cleanupJob.count({ where: { posterId: customer.id } })).toBe(20);
  });

  it("limits posting per address across accounts, with a try-again time", async () => {
    const headers = uniqueIpHeaders();
    const customers = await Promise.all(Array.from({ length: 21 }, () => createUser(["CUSTOMER"])));
    const results = await Promise.allSettled(customers.map((c) => callerFor(c, headers).jobs.post(validJobInput)));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as { code: string; message: string });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/Try again in \d+ minutes/) });
  });

  it("limits claims per scooper", async () => {
    const scooper = await createUser(["SCOOPER"]);
    // Claims of jobs that do not exist still count: the limit is on attempts, so probing is throttled too.
    const results = await Promise.allSettled(Array.from({ length: 32 }, () => callerFor(scooper, uniqueIpHeaders()).jobs.claim({ jobId: crypto.randomUUID() })));
    expect(results.filter((r) => outcome(r) === "TOO_MANY_REQUESTS")).toHaveLength(2);
  });
});

describe("redirects after sign-in", () => {
  const redirect = (url: string) => authOptions.callbacks?.redirect?.({ url, baseUrl: env.APP_URL });
  it("never leaves the site, and a malformed callbackUrl goes home instead of failing", async () => {
    const home = new URL("/", env.APP_URL).toString();
    for (const url of ["/\\evil.example/", "/\t/evil.example/", "//evil.example", "https://evil.example/x", "http://[::1"]) {
      expect(await redirect(url)).toBe(home);
    }
    expect(await redirect("/jobs/1?x=2")).toBe(new URL("/jobs/1?x=2", env.APP_URL).toString());
  });
});

describe("sessions that end", () => {
  async function signedIn(userId: string) {
    const token = { uid: userId, sv: 0, sid: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) + 3600 };
    const headers = new Headers({ cookie: `next-auth.session-token=${await encode({ token, secret: env.NEXTAUTH_SECRET })}` });
    return { token, headers };
  }

  it("sign-out ends that session for a copied cookie, and only that one", async () => {
    const user = await verifiedUser();
    const laptop = await signedIn(user.id);
    const phone = await signedIn(user.id);
    expect(await getSessionFromHeaders(laptop.headers)).not.toBeNull();
    await authOptions.events?.signOut?.({ token: laptop.token, session: null as never });
    expect(await getSessionFromHeaders(laptop.headers)).toBeNull();
    expect((await getSessionFromHeaders(phone.headers))?.user.id).toBe(user.id);
  });

  it("a signed-out session stays ended when Redis loses every key, and the purge keeps it until its token expires", async () => {
    const user = await verifiedUser();
    const laptop = await signedIn(user.id);
    await authOptions.events?.signOut?.({ token: laptop.token, session: null as never });
    await authOptions.events?.signOut?.({ token: laptop.token, session: null as never }); // a second sign-out is harmless
    await deleteRedisPrefix(env.REDIS_URL, env.REDIS_PREFIX);
    expect(await getSessionFromHeaders(laptop.headers)).toBeNull();
    // Until the token's own expiry (an hour here) the row stays; after it, the purge deletes it.
    expect(await purgeEndedSessions(db)).toBe(0);
    expect(await getSessionFromHeaders(laptop.headers)).toBeNull();
    expect(await purgeEndedSessions(db, new Date((laptop.token.exp + 1) * 1000))).toBeGreaterThanOrEqual(1);
    expect(await db.endedSession.count({ where: { id: laptop.token.sid } })).toBe(0);
  });

  it("sign out everywhere ends every session of the user", async () => {
    const user = await verifiedUser();
    const laptop = await signedIn(user.id);
    const phone = await signedIn(user.id);
    const session = await getSessionFromHeaders(laptop.headers);
    await callerWithSession(session, laptop.headers).accounts.signOutEverywhere();
    expect(await getSessionFromHeaders(laptop.headers)).toBeNull();
    expect(await getSessionFromHeaders(phone.headers)).toBeNull();
  });

  it("refuses a token without a session id (it could never be signed out)", async () => {
    const user = await verifiedUser();
    const jwt = await encode({ token: { uid: user.id, sv: 0 }, secret: env.NEXTAUTH_SECRET });
    expect(await getSessionFromHeaders(new Headers({ cookie: `next-auth.session-token=${jwt}` }))).toBeNull();
  });
});

describe("bad input is a validation error, never a server error", () => {
  it("refuses a NUL byte in a string field with BAD_REQUEST and stores nothing", async () => {
    const customer = await createUser(["CUSTOMER"]);
    await expect(callerFor(customer).jobs.post({ ...validJobInput, publicNotes: "gate\u0000code" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(customer).accounts.updateProfile({ name: "Bob\u0007" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.cleanupJob.count({ where: { posterId: customer.id } })).toBe(0);
  });

  it("keeps tabs and new lines in text", async () => {
    const customer = await createUser(["CUSTOMER"]);
    await expect(callerFor(customer).jobs.post({ ...validJobInput, publicNotes: "Two dogs\n\tbig yard\r\n" })).resolves.toHaveProperty("id");
  });

  it("refuses integers the database cannot hold", async () => {
    const bounds = { south: 40, west: -74.1, north: 40.9, east: -73.7 };
    await expect(callerFor(null).jobs.openInViewport({ bounds, minPriceCents: 2 ** 31 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rounds a denormal latitude instead of storing a pin that breaks distance sorting for everyone", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const { id } = await callerFor(customer).jobs.post({ ...validJobInput, lat: 5e-324, lng: 5e-324 });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id }, select: { lat: true, lng: true } })).toEqual({ lat: 0, lng: 0 });
    const board = await callerFor(null).jobs.openInViewport({ bounds: { south: -1, west: -1, north: 1, east: 1 }, sort: "distance" });
    expect(board).toBeTruthy();
    await expect(callerFor(null).jobs.nearestOpen({ lat: 0.0001, lng: 0.0001 })).resolves.toBeInstanceOf(Array);
  });
});

describe("addresses stay private until a claim", () => {
  const nyc = { south: 40.5, west: -74.3, north: 41, east: -73.6 };

  it("shows the board and the job page without the house number or the exact pin, except to the poster and the claimer", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const { id } = await callerFor(poster).jobs.post({ ...validJobInput, address: "417 Quiet Lane, Apt 2, Park Slope", lat: 40.671234, lng: -73.977654 });

    const board = await callerFor(null).jobs.openInViewport({ bounds: nyc, sort: "distance" });
    const pin = board.jobs.find((j) => j.id === id)!;
    expect(pin.address).toBe("Quiet Lane, Park Slope");
    // Neither the house number nor the exact pin is anywhere in the answer (ids and times are random, so the checks
    // look at the addresses and for the exact coordinates themselves).
    expect(board.jobs.filter((j) => j.address.includes("417"))).toEqual([]);
    expect(JSON.stringify(board)).not.toContain("40.671234");
    expect(JSON.stringify(board)).not.toContain("73.977654");
    expect(Math.abs(pin.lat - 40.671234) + Math.abs(pin.lng + 73.977654)).toBeGreaterThan(0);
    expect(Math.abs(pin.lat - 40.671234)).toBeLessThan(0.0014);

    for (const viewer of [null, scooper]) {
      const page = await callerFor(viewer).jobs.byId({ jobId: id });
      expect(page).toMatchObject({ address: "Quiet Lane, Park Slope", lat: pin.lat, lng: pin.lng });
    }
    expect(await callerFor(poster).jobs.byId({ jobId: id })).toMatchObject({ address: "417 Quiet Lane, Apt 2, Park Slope", lat: 40.671234 });

    await callerFor(scooper).jobs.claim({ jobId: id });
    expect(await callerFor(scooper).jobs.byId({ jobId: id })).toMatchObject({ address: "417 Quiet Lane, Apt 2, Park Slope", lat: 40.671234, lng: -73.977654 });
  });
});

describe("terms acceptance at sign-up", () => {
  const input = () => ({ email: uniqueEmail("terms"), name: "Tess", password: "long enough password", roles: ["CUSTOMER" as const] });

  it("refuses a sign-up that does not accept the terms, creating nothing", async () => {
    const data = input();
    await expect(callerFor(null, uniqueIpHeaders()).accounts.signUp(data as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(null, uniqueIpHeaders()).accounts.signUp({ ...data, acceptTerms: false } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count({ where: { email: data.email } })).toBe(0);
  });

  it("records the accepted version and when", async () => {
    const data = input();
    await callerFor(null, uniqueIpHeaders()).accounts.signUp({ ...data, acceptTerms: true } as never);
    const user = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    expect((user as unknown as { termsVersion: string }).termsVersion).toBe(TERMS_VERSION);
    expect((user as unknown as { termsAcceptedAt: Date | null }).termsAcceptedAt).toBeInstanceOf(Date);
  });
});

describe("email sign-in links per address", () => {
  it("refuses the 11th link request in an hour from one address, across emails, with a code the form knows", async () => {
    const ip = randomIp();
    const ask = (email: string) =>
      authPost(
        new NextRequest("http://x/api/auth/signin/email", {
          method: "POST",
          headers: { "x-forwarded-for": ip, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email, json: "true" }).toString(),
        }),
        { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
      ).then((r) => r, () => null); // outside a Next request next-auth itself cannot answer; only the limit matters here
    for (let i = 0; i < 10; i++) expect((await ask(uniqueEmail("link")))?.status).not.toBe(429);
    const refused = await ask(uniqueEmail("link"));
    expect(refused?.status).toBe(429);
    expect(await refused!.json()).toEqual({ url: expect.stringContaining("error=TooManyRequests") });
  });
});
