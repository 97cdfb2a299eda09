/**
 * Refusals in the caller's language (issue 17): the same code, the words of messages/<locale>/errors.json, and
 * `{ reason, params }` in the error data for clients that render it themselves.
 */
import { describe, expect, it } from "vitest";
import { trpcHttp } from "@/test/trpc-http-fetch";
import { db } from "@/server/db";
import { cast, createOpenJob, createUser, callerWithSession, validJobInput } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";

type ErrorBody = { error: { json: { message: string; data: { code: string; reason?: string; params?: Record<string, unknown> } } } };

describe("errors in the caller's language", () => {
  it("a signed-in caller who saved Spanish gets the refusal in Spanish, with the same code as an English caller", async () => {
    const { customer, scooper } = await cast();
    await db.user.update({ where: { id: scooper.id }, data: { locale: "es" } });
    const { id: jobId } = await customer.api.jobs.post(validJobInput);

    // The role rung: a customer may not claim.
    await expect(customer.api.jobs.claim({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only a scooper may do this." });
    const spanishCustomer = await createUser(["CUSTOMER"]);
    await db.user.update({ where: { id: spanishCustomer.id }, data: { locale: "es" } });
    // The session carries the saved language, as src/server/auth/session.ts reads it with the user.
    const asSpanish = (u: { id: string; email: string; roles: ("CUSTOMER" | "SCOOPER" | "ADMIN")[] }, headers?: Headers) =>
      callerWithSession({ user: { ...u, locale: "es" } }, headers);
    await expect(asSpanish(spanishCustomer).jobs.claim({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Solo un scooper puede hacer esto." });

    // A domain refusal with parameters: a job in the wrong state.
    await scooper.api.jobs.claim({ jobId });
    const refused = await asSpanish(scooper).jobs.complete({ jobId }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: "Este trabajo está tomado; no se puede completar ahora." });
    expect((refused as { cause: unknown }).cause).toMatchObject({ reason: "job.wrongState", params: { status: "CLAIMED", action: "completed" } });

    // The saved choice wins over the browser's header.
    const englishBrowser = asSpanish(scooper, new Headers({ "accept-language": "en-US,en;q=0.9" }));
    await expect(englishBrowser.jobs.claim({ jobId: "missing-job" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Ese trabajo no existe." });
  });

  it("an anonymous caller gets Spanish from Accept-Language (or the cookie), English otherwise, with reason and params in data", async () => {
    const poster = await createUser(["CUSTOMER"]);
    await createOpenJob(poster.id);
    const missing = encodeURIComponent(JSON.stringify({ json: { jobId: "no-such-job" } }));
    const ask = async (headers: Record<string, string>) => {
      const res = await trpcHttp(new Request(`http://x/api/trpc/jobs.byId?input=${missing}`, { headers }));
      return { status: res.status, body: ((await res.json()) as ErrorBody).error.json };
    };

    const spanish = await ask({ "accept-language": "es-MX,es;q=0.9,en;q=0.5" });
    const english = await ask({ "accept-language": "en-US" });
    const cookie = await ask({ "accept-language": "en-US", cookie: "scoop-locale=es" });
    expect(spanish.status).toBe(404);
    expect(english.status).toBe(404);
    expect(spanish.body.message).toBe("Ese trabajo no existe.");
    expect(english.body.message).toBe("No such job.");
    expect(cookie.body.message).toBe("Ese trabajo no existe.");
    expect(spanish.body.data).toMatchObject({ code: "NOT_FOUND", reason: "job.notFound", params: {} });

    // A refusal raised by the procedure ladder itself (not signed in), over POST.
    const res = await trpcHttp(new Request("http://x/api/trpc/jobs.claim", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "es" },
      body: JSON.stringify({ json: { jobId: "no-such-job" } }),
    }));
    expect(res.status).toBe(401);
    const body = ((await res.json()) as ErrorBody).error.json;
    expect(body.message).toBe("Inicie sesión.");
    expect(body.data).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.signIn" });
  });

  it("a signed-in Spanish caller over HTTP gets Spanish words and the parameters of the refusal", async () => {
    const { customer, scooper } = await cast();
    await db.user.update({ where: { id: scooper.id }, data: { locale: "es" } });
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    const res = await trpcHttp(new Request("http://x/api/trpc/jobs.start", {
      method: "POST",
      headers: { cookie: await sessionCookieFor(customer.id), "content-type": "application/json", "accept-language": "es" },
      body: JSON.stringify({ json: { jobId } }),
    }));
    const body = ((await res.json()) as ErrorBody).error.json;
    expect(res.status).toBe(403);
    // The customer saved no language: their browser's Spanish decides.
    expect(body.data).toMatchObject({ code: "FORBIDDEN", reason: "auth.roleRequired", params: { role: "SCOOPER" } });
    expect(body.message).toBe("Solo un scooper puede hacer esto.");
  });
});
