/**
 * Emails and notifications in the recipient's language (issue 17): the saved `User.locale` decides (none →
 * English), whoever triggered the event; sign-up saves the language the visitor signed up in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { callerFor, createOpenJob, createUser, uniqueEmail, uniqueIpHeaders } from "@/test/factories";
import { startQueueWorker } from "@/test/worker-harness";
import { notifyJobClaimed, notifyJobUnreachable } from "./job-events";

async function claimedJobFor(posterLocale: string | null) {
  const poster = await createUser(["CUSTOMER"]);
  await db.user.update({ where: { id: poster.id }, data: { locale: posterLocale } });
  const scooper = await createUser(["SCOOPER"], { name: "Sam Scooper" });
  const job = await createOpenJob(poster.id);
  await db.cleanupJob.update({ where: { id: job.id }, data: { status: "CLAIMED", scooperId: scooper.id, claimedAt: new Date() } });
  return { poster, job };
}

describe("the recipient's language", () => {
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  beforeAll(async () => {
    worker = await startQueueWorker("emails");
  });
  afterAll(() => worker.close());

  it("a Spanish poster's notification row and queued email are in Spanish; an English poster's stay English", async () => {
    const spanish = await claimedJobFor("es");
    const english = await claimedJobFor(null);
    await notifyJobClaimed(db, spanish.job.id);
    await notifyJobClaimed(db, english.job.id);

    const [es] = await db.notification.findMany({ where: { userId: spanish.poster.id } });
    const [en] = await db.notification.findMany({ where: { userId: english.poster.id } });
    expect(es).toMatchObject({ kind: "job.claimed", title: "Su limpieza fue tomada" });
    expect(es!.body).toBe(`Sam Scooper tomó su limpieza en ${spanish.job.address}.`);
    expect(en).toMatchObject({ kind: "job.claimed", title: "Your cleanup was claimed" });
    expect(en!.body).toBe(`Sam Scooper claimed your cleanup at ${english.job.address}.`);

    const [email] = await db.emailMessage.findMany({ where: { userId: spanish.poster.id } });
    expect(email).toMatchObject({ kind: "job.claimed", subject: "Un scooper tomó su limpieza" });
    expect(email!.html).toContain('lang="es"');
    expect(email!.text).toContain("Sam Scooper tomó su limpieza");
    expect(email!.text).not.toContain("claimed your cleanup");
    // Sent through the real pipeline (the dev mailbox transport in tests), as stored.
    const job = await getQueue("emails").getJob(`email-${email!.id}`);
    await job!.waitUntilFinished(worker.events, 10_000);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).toMatchObject({ status: "SENT", subject: "Un scooper tomó su limpieza" });

    const [englishEmail] = await db.emailMessage.findMany({ where: { userId: english.poster.id } });
    expect(englishEmail).toMatchObject({ subject: "A scooper claimed your cleanup" });
  });

  it("words the data in the recipient's language too: the can't-get-in reason, the answer time, a scooper with no name", async () => {
    const poster = await createUser(["CUSTOMER"]);
    await db.user.update({ where: { id: poster.id }, data: { locale: "es" } });
    const scooper = await createUser(["SCOOPER"], { name: "" });
    const job = await createOpenJob(poster.id);
    const answerBy = new Date("2027-03-16T21:30:00Z"); // 5:30 PM in APP_TIMEZONE (New York)
    await db.cleanupJob.update({
      where: { id: job.id },
      data: { status: "UNREACHABLE", scooperId: scooper.id, claimedAt: new Date(), unreachableAt: new Date(), unreachableReason: "LOCKED_GATE", answerDeadlineAt: answerBy },
    });
    await notifyJobUnreachable(db, job.id);
    const [row] = await db.notification.findMany({ where: { userId: poster.id } });
    expect(row!.body).toContain("Su scooper no pudo entrar");
    expect(row!.body).toContain("portón cerrado con llave");
    expect(row!.body).toContain("5:30 p.m.");
    const [email] = await db.emailMessage.findMany({ where: { userId: poster.id } });
    expect(email!.text).toContain("Su scooper no pudo entrar al patio");
    expect(email!.text).toContain(": portón cerrado con llave.");
    expect(email!.text).toContain("Responda antes de las 5:30 p.m.");
    expect(`${row!.body}${email!.text}`).not.toMatch(/locked gate|Your scooper|PM/);
  });

  it("sign-up saves the visitor's language and sends the confirmation in it", async () => {
    const headers = uniqueIpHeaders();
    headers.set("accept-language", "es-US,es;q=0.9,en;q=0.4");
    const email = uniqueEmail("es-signup");
    await callerFor(null, headers).accounts.signUp({ email, name: "Lucía", password: "long enough password", roles: ["CUSTOMER"], acceptTerms: true });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, locale: true } });
    expect(user.locale).toBe("es");
    const [confirmation] = await db.emailMessage.findMany({ where: { userId: user.id, kind: "sign-up-confirmation" } });
    expect(confirmation).toMatchObject({ subject: "Confirme su cuenta de Scoop" });
    expect(confirmation!.text).toContain("Bienvenido a Scoop");

    // A later email follows the saved choice, whatever browser asks for it.
    await callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email });
    const [reset] = await db.emailMessage.findMany({ where: { userId: user.id, kind: "password-reset" } });
    expect(reset).toMatchObject({ subject: "Restablezca su contraseña de Scoop" });
  });
});
