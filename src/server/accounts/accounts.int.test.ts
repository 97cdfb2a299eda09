import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { db } from "@/server/db";
import { authorizeCredentials, BAD_CREDENTIALS } from "@/server/auth/options";
import { getSessionFromHeaders, loadSession } from "@/server/auth/session";
import { hashPassword } from "@/server/accounts/password";
import { callerFor, callerWithSession, createUser, uniqueEmail, uniqueIpHeaders } from "@/test/factories";

async function verifiedUser(password = "correct horse battery", roles: ("CUSTOMER" | "SCOOPER" | "ADMIN")[] = ["CUSTOMER"]) {
  const user = await createUser(roles);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password), emailVerified: new Date() } });
  return { ...user, password };
}

const headersFor = () => Object.fromEntries(uniqueIpHeaders().entries());

describe("role access", () => {
  it("answers each role as the permission table says", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const admin = await createUser(["ADMIN"]);

    await expect(callerFor(null).accounts.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(customer).accounts.me()).resolves.toMatchObject({ id: customer.id, roles: ["CUSTOMER"] });

    for (const user of [customer, scooper]) {
      await expect(callerFor(user).adminUsers.search({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(user).adminUsers.ban({ userId: admin.id, reason: "nope nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(user).adminUsers.grantRole({ userId: user.id, role: "ADMIN", reason: "self promotion" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).roles).toEqual(["CUSTOMER"]);
    const found = await callerFor(admin).adminUsers.search({ query: scooper.email });
    expect(found.map((u) => u.id)).toEqual([scooper.id]);
  });

  it("lets a user add customer or scooper to themselves, never admin", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const profile = await callerFor(customer).accounts.addRole({ role: "SCOOPER" });
    expect(profile.roles).toEqual(["CUSTOMER", "SCOOPER"]);
    await expect(callerFor(customer).accounts.addRole({ role: "ADMIN" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).roles).not.toContain("ADMIN");
  });

  it("records an audit row when an admin grants a role", async () => {
    const admin = await createUser(["ADMIN"]);
    const target = await createUser(["SCOOPER"]);
    await callerFor(admin).adminUsers.grantRole({ userId: target.id, role: "CUSTOMER", reason: "asked by phone" });
    const audit = await db.auditLog.findMany({ where: { targetId: target.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: "user.role.grant", reason: "asked by phone" });
    expect((audit[0]!.after as { roles: string[] }).roles).toEqual(["SCOOPER", "CUSTOMER"]);
  });
});

describe("sign-up", () => {
  it("creates one account per email whatever its case, and answers the same for a duplicate", async () => {
    const email = uniqueEmail("dup");
    const input = { email: email.toUpperCase(), name: "Dee", password: "long enough password", roles: ["CUSTOMER" as const], acceptTerms: true as const };
    const first = await callerFor(null, uniqueIpHeaders()).accounts.signUp(input);
    const second = await callerFor(null, uniqueIpHeaders()).accounts.signUp({ ...input, email: email.replace(/^./, (c) => c.toUpperCase()), name: "Other" });
    expect(second).toEqual(first);

    const users = await db.user.findMany({ where: { email: { equals: email, mode: "insensitive" } } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email, name: "Dee", roles: ["CUSTOMER"], emailVerified: null });
    const mails = await db.emailMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.kind)).toEqual(["sign-up-confirmation", "account-exists"]);
    expect(mails[0]!.html).toContain("/api/auth/callback/email?");
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const email = uniqueEmail("bad");
    await expect(
      callerFor(null, uniqueIpHeaders()).accounts.signUp({ email, name: "", password: "short", roles: [] } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("stores the confirmation token the way next-auth's email callback checks it", async () => {
    const email = uniqueEmail("link");
    await callerFor(null, uniqueIpHeaders()).accounts.signUp({ email, name: "Lin", password: "long enough password", roles: ["SCOOPER"], acceptTerms: true });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: email } });
    const url = new URL(mail.text.match(/https?:\/\/\S+/)![0]);
    const token = url.searchParams.get("token")!;
    expect(url.searchParams.get("email")).toBe(email);
    const expected = crypto.createHash("sha256").update(`${token}${env.NEXTAUTH_SECRET}`).digest("hex");
    expect(await db.verificationToken.count({ where: { identifier: email, token: expected } })).toBe(1);
  });

  it("refuses password sign-in until the email is confirmed, with the same words as a wrong password", async () => {
    const email = uniqueEmail("unconfirmed");
    await callerFor(null, uniqueIpHeaders()).accounts.signUp({ email, name: "Una", password: "long enough password", roles: ["CUSTOMER"], acceptTerms: true });
    await expect(authorizeCredentials({ email, password: "long enough password" }, headersFor())).rejects.toThrow(BAD_CREDENTIALS);
    await expect(authorizeCredentials({ email: uniqueEmail("nobody"), password: "whatever pass" }, headersFor())).rejects.toThrow(BAD_CREDENTIALS);
    await db.user.update({ where: { email }, data: { emailVerified: new Date() } });
    await expect(authorizeCredentials({ email: email.toUpperCase(), password: "long enough password" }, headersFor())).resolves.toMatchObject({ email });
  });
});

describe("password reset", () => {
  async function requestToken(email: string) {
    await callerFor(null).accounts.requestPasswordReset({ email });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: email, kind: "password-reset" }, orderBy: { createdAt: "desc" } });
    return new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
  }

  it("answers the same for unknown emails and sends nothing", async () => {
    const nobody = uniqueEmail("nobody");
    await expect(callerFor(null).accounts.requestPasswordReset({ email: nobody })).resolves.toEqual({ status: "check-email" });
    expect(await db.emailMessage.count({ where: { toAddress: nobody } })).toBe(0);
  });

  it("uses a token once, stores only its hash, and ends existing sessions", async () => {
    const user = await verifiedUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const token = await requestToken(user.email);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0); // never stored in clear

    await callerFor(null).accounts.resetPassword({ token, password: "a brand new password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSession({ uid: user.id, sv: before.sessionVersion, sid: crypto.randomUUID() })).toBeNull();
    await expect(authorizeCredentials({ email: user.email, password: "a brand new password" }, headersFor())).resolves.toMatchObject({ id: user.id });
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).rejects.toThrow(BAD_CREDENTIALS);

    await expect(callerFor(null).accounts.resetPassword({ token, password: "yet another password" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(authorizeCredentials({ email: user.email, password: "yet another password" }, headersFor())).rejects.toThrow(BAD_CREDENTIALS);
  });

  it("refuses an expired token and leaves the password alone", async () => {
    const user = await verifiedUser();
    const token = await requestToken(user.email);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(callerFor(null).accounts.resetPassword({ token, password: "a brand new password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired"),
    });
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).resolves.toMatchObject({ id: user.id });
  });
});

describe("suspension and ban", () => {
  it("refuses a suspended user at sign-in and on every procedure, and ends their sessions", async () => {
    const admin = await createUser(["ADMIN"]);
    const user = await verifiedUser();
    const oldSession = await loadSession({ uid: user.id, sv: 0, sid: crypto.randomUUID() });
    expect(oldSession?.blocked).toBeNull();

    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await callerFor(admin).adminUsers.suspend({ userId: user.id, until, reason: "no-show twice" });

    expect(await loadSession({ uid: user.id, sv: 0, sid: crypto.randomUUID() })).toBeNull(); // the old cookie is dead
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).rejects.toThrow(/suspended until .*no-show twice/);
    const fresh = await loadSession({ uid: user.id, sv: 1, sid: crypto.randomUUID() });
    expect(fresh?.blocked).toMatch(/suspended/);
    await expect(callerWithSession(fresh).accounts.me()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/suspended/) });

    await callerFor(admin).adminUsers.reinstate({ userId: user.id, reason: "appeal accepted" });
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).resolves.toMatchObject({ id: user.id });
    expect(await db.auditLog.count({ where: { targetId: user.id } })).toBe(2);
  });

  it("refuses a banned user at sign-in with the reason", async () => {
    const admin = await createUser(["ADMIN"]);
    const user = await verifiedUser();
    await callerFor(admin).adminUsers.ban({ userId: user.id, reason: "fraud" });
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).rejects.toThrow(/banned.*fraud/);
  });

  it("lifts an expired suspension without a timer", async () => {
    const user = await verifiedUser();
    await db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED", suspendedUntil: new Date(Date.now() - 1000) } });
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).resolves.toMatchObject({ id: user.id });
  });
});

describe("session cookie", () => {
  it("reads next-auth's JWT cookie, re-checking the user on every request", async () => {
    const user = await verifiedUser("pw long enough 1", ["SCOOPER"]);
    const jwt = await encode({ token: { uid: user.id, sv: 0, sid: crypto.randomUUID() }, secret: env.NEXTAUTH_SECRET });
    const headers = new Headers({ cookie: `other=1; next-auth.session-token=${jwt}` });
    const session = await getSessionFromHeaders(headers);
    expect(session?.user).toMatchObject({ id: user.id, email: user.email, roles: ["SCOOPER"] });

    await db.user.update({ where: { id: user.id }, data: { roles: ["SCOOPER", "CUSTOMER"] } });
    expect((await getSessionFromHeaders(headers))?.user.roles).toEqual(["SCOOPER", "CUSTOMER"]);

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getSessionFromHeaders(headers)).toBeNull();
    expect(await getSessionFromHeaders(new Headers({ cookie: "next-auth.session-token=forged" }))).toBeNull();
  });
});

describe("rate limits", () => {
  it("trips sign-in after 5 attempts per IP and email, and a success resets it", async () => {
    const user = await verifiedUser();
    const headers = headersFor();
    for (let i = 0; i < 5; i++) {
      await expect(authorizeCredentials({ email: user.email, password: "wrong password!" }, headers)).rejects.toThrow(BAD_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headers)).rejects.toThrow(/Too many sign-in attempts\. Try again in \d+ minutes/);
    // Another IP is not affected.
    await expect(authorizeCredentials({ email: user.email, password: user.password }, headersFor())).resolves.toMatchObject({ id: user.id });
  });

  it("trips reset requests after 3 per email with TOO_MANY_REQUESTS and a retry-after", async () => {
    const email = uniqueEmail("reset-rl");
    for (let i = 0; i < 3; i++) await callerFor(null).accounts.requestPasswordReset({ email });
    const err = await callerFor(null).accounts.requestPasswordReset({ email }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((err as { cause?: { details?: { retryAfterSeconds?: number } } }).cause?.details?.retryAfterSeconds).toBeGreaterThan(3500);
  });

  it("trips sign-up after 5 per IP", async () => {
    const headers = uniqueIpHeaders();
    const signUp = () => callerFor(null, headers).accounts.signUp({ email: uniqueEmail("su"), name: "S", password: "long enough password", roles: ["CUSTOMER"], acceptTerms: true });
    for (let i = 0; i < 5; i++) await signUp();
    await expect(signUp()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("opens again when the window ends", async () => {
    const { hitRateLimit } = await import("@/server/security/rate-limit");
    const subject = crypto.randomUUID();
    const rule = { limit: 2, windowSeconds: 1 };
    expect((await hitRateLimit("t", subject, rule)).allowed).toBe(true);
    expect((await hitRateLimit("t", subject, rule)).allowed).toBe(true);
    expect((await hitRateLimit("t", subject, rule)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await hitRateLimit("t", subject, rule)).allowed).toBe(true);
  });
});

describe("language", () => {
  it("saves the caller's language on their account and in their session", async () => {
    const user = await createUser(["CUSTOMER"]);
    await expect(callerFor(user).accounts.setLocale({ locale: "es" })).resolves.toEqual({ locale: "es" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
    const session = await loadSession({ uid: user.id, sv: 0, sid: crypto.randomUUID() });
    expect(session?.user.locale).toBe("es");
    await callerFor(user).accounts.setLocale({ locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });

  it("refuses an anonymous caller and a language Scoop does not speak", async () => {
    const user = await createUser(["CUSTOMER"]);
    await expect(callerFor(null).accounts.setLocale({ locale: "es" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(user).accounts.setLocale({ locale: "fr" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBeNull();
  });
});
