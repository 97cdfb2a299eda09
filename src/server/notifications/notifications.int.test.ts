import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeHomeCents } from "@/lib/money";
import { db } from "@/server/db";
import { jobPayments } from "@/server/payments/steps";
import { getQueue } from "@/server/queues/queues";
import { callerFor, createOpenJob, createUser } from "@/test/factories";
import { startQueueWorker } from "@/test/worker-harness";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/unsubscribe/route";
import { notifyJobClaimed, notifyJobConfirmed, notifyJobExpired } from "./job-events";
import { unsubscribeUrl } from "./notify";
import { sendWeeklyEarnings } from "./weekly-earnings";

async function claimedJob(opts: { scooperName?: string; address?: string } = {}) {
  const poster = await createUser(["CUSTOMER"]);
  const scooper = await createUser(["SCOOPER"], { name: opts.scooperName ?? "Sam Scooper" });
  const job = await createOpenJob(poster.id);
  await db.cleanupJob.update({
    where: { id: job.id },
    data: { status: "CLAIMED", scooperId: scooper.id, claimedAt: new Date(), ...(opts.address ? { address: opts.address } : {}) },
  });
  return { poster, scooper, job };
}

describe("notification service", () => {
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  beforeAll(async () => {
    worker = await startQueueWorker("emails");
  });
  afterAll(() => worker.close());

  it("turns a claim into one in-app notification and one email to the poster, even when processed twice", async () => {
    const { poster, scooper, job } = await claimedJob();
    const [first, second] = [await notifyJobClaimed(db, job.id), await notifyJobClaimed(db, job.id)];
    expect(first).not.toBeNull();
    expect(second).toEqual(first);

    const notifications = await db.notification.findMany({ where: { userId: poster.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: "job.claimed", url: `/jobs/${job.id}`, readAt: null });
    expect(notifications[0]!.body).toContain("Sam Scooper");
    expect(await db.notification.count({ where: { userId: scooper.id } })).toBe(0);

    const emails = await db.emailMessage.findMany({ where: { userId: poster.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "job.claimed", toAddress: poster.email, subject: "A scooper claimed your cleanup" });
    expect(emails[0]!.html).toContain("Sam Scooper");
    expect(emails[0]!.text).toContain("Sam Scooper claimed your cleanup");
    expect(emails[0]!.unsubscribeUrl).toBeNull();

    const sent = await getQueue("emails").getJob(`email-${emails[0]!.id}`);
    await sent!.waitUntilFinished(worker.events, 10_000);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: emails[0]!.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // The bell's API shows it to its owner only.
    const list = await callerFor(poster).notifications.list();
    expect(list.unread).toBe(1);
    expect(list.items.map((n) => n.id)).toEqual([first!.notificationId]);
    expect((await callerFor(scooper).notifications.list()).items).toHaveLength(0);
    await callerFor(scooper).notifications.markRead({ ids: [first!.notificationId] });
    expect(await callerFor(poster).notifications.unreadCount()).toBe(1);
    await callerFor(poster).notifications.markAllRead();
    expect(await callerFor(poster).notifications.unreadCount()).toBe(0);
  });

  it("notifies a second, separate claim of the same job again", async () => {
    const { poster, scooper, job } = await claimedJob();
    await notifyJobClaimed(db, job.id);
    await db.cleanupJob.update({ where: { id: job.id }, data: { scooperId: scooper.id, claimedAt: new Date(Date.now() + 60_000) } });
    await notifyJobClaimed(db, job.id);
    expect(await db.notification.count({ where: { userId: poster.id } })).toBe(2);
    expect(await db.emailMessage.count({ where: { userId: poster.id } })).toBe(2);
  });

  it("sends no email for a kind the user turned off, but still shows it in-app", async () => {
    const { poster, job } = await claimedJob();
    await callerFor(poster).notifications.setPreference({ kind: "job.claimed", email: false });
    const result = await notifyJobClaimed(db, job.id);
    expect(result?.emailMessageId).toBeNull();
    expect(await db.emailMessage.count({ where: { userId: poster.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: poster.id } })).toBe(1);
    const prefs = await callerFor(poster).notifications.preferences();
    expect(prefs.find((p) => p.kind === "job.claimed")).toMatchObject({ email: false, push: true });
  });

  it("refuses to turn receipts off; the scooper's is sent once, the poster's is the payment's own", async () => {
    const { poster, scooper, job } = await claimedJob();
    await expect(callerFor(poster).notifications.setPreference({ kind: "job.confirmed", email: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await db.cleanupJob.update({ where: { id: job.id }, data: { status: "CONFIRMED", completedAt: new Date(), confirmedAt: new Date() } });
    await notifyJobConfirmed(db, job.id);
    await notifyJobConfirmed(db, job.id);
    const receipts = await db.emailMessage.findMany({ where: { kind: "job.confirmed", userId: { in: [poster.id, scooper.id] } }, orderBy: { subject: "asc" } });
    // One receipt per money event: the poster's comes with the capture (receipt-email.ts), not from this notice.
    expect(receipts.map((r) => r.toAddress)).toEqual([scooper.email]);
    expect(await db.notification.count({ where: { userId: poster.id, kind: "job.confirmed" } })).toBe(1);
    const scooperReceipt = receipts.find((r) => r.toAddress === scooper.email)!;
    expect(scooperReceipt.subject).toBe(`You earned $${(takeHomeCents(job.priceCents, job.platformFeePercent) / 100).toFixed(2)}`);
  });

  it("skips an expiry notice for a job that is not expired, and sends a re-post link for one that is", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    expect(await notifyJobExpired(db, job.id)).toBeNull();
    await db.cleanupJob.update({ where: { id: job.id }, data: { status: "EXPIRED", expiredAt: new Date() } });
    await notifyJobExpired(db, job.id);
    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: poster.id, kind: "job.expired" } });
    expect(email.html).toContain(`/jobs/${job.id}/repost`);
  });
});

describe("weekly earnings", () => {
  const tz = "America/New_York";
  // Monday 2027-03-15 08:00 EDT; the previous week (Mon 8 – Sun 14 March) contains the spring-forward change.
  const now = new Date("2027-03-15T12:00:00Z");

  /** A job held, confirmed and captured through the ledger gateway, its money booked at `paidAt`. */
  async function confirmedJob(scooperId: string, paidAt: string, priceCents: number, status: "CONFIRMED" | "COMPLETED" = "CONFIRMED") {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id, { priceCents });
    const provider = jobPayments();
    await provider.authorizeJobPayment({ jobId: job.id, customerId: poster.id, amountCents: priceCents });
    await db.cleanupJob.update({
      where: { id: job.id },
      data: { status, scooperId, address: "12 Oak St, Park Slope, Brooklyn, NY 11215", confirmedAt: status === "CONFIRMED" ? new Date(paidAt) : null },
    });
    if (status !== "CONFIRMED") return;
    await provider.captureJobPayment({ jobId: job.id });
    await db.ledgerTransaction.updateMany({ where: { jobId: job.id }, data: { createdAt: new Date(paidAt) } });
    await db.ledgerEntry.updateMany({ where: { transaction: { jobId: job.id } }, data: { createdAt: new Date(paidAt) } });
  }

  it("totals from the ledger what was paid in the local week across DST, and a second run sends nothing", async () => {
    const scooper = await createUser(["SCOOPER"]);
    await confirmedJob(scooper.id, "2027-03-08T04:30:00Z", 9900); // Sun 7 Mar 23:30 EST: the week before
    await confirmedJob(scooper.id, "2027-03-08T05:30:00Z", 2000); // Mon 8 Mar 00:30 EST: first hour of the week
    await confirmedJob(scooper.id, "2027-03-14T12:00:00Z", 3000); // Sun 14 Mar, after the change
    await confirmedJob(scooper.id, "2027-03-15T03:30:00Z", 4000); // Sun 14 Mar 23:30 EDT: still the week
    await confirmedJob(scooper.id, "2027-03-15T04:30:00Z", 9900); // Mon 15 Mar 00:30 EDT: this week
    await confirmedJob(scooper.id, "2027-03-10T15:00:00Z", 9900, "COMPLETED"); // not confirmed
    const idle = await createUser(["SCOOPER"]);

    const first = await sendWeeklyEarnings(db, { now, timeZone: tz });
    expect(first).toMatchObject({ weekStart: "2027-03-08", scoopers: 1, notified: 1, failed: 0 });

    const expected = 1700 + 2550 + 3400; // 85% of $20, $30 and $40
    const emails = await db.emailMessage.findMany({ where: { userId: scooper.id, kind: "earnings.weekly" } });
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email.subject).toBe(`You earned $${(expected / 100).toFixed(2)} this week`);
    expect(email.text).toContain("2027-03-08");
    expect(email.text).toContain("2027-03-14");
    expect(email.text).toContain("held in your Scoop balance"); // when the money moves, ledger mode
    expect(email.text).toContain("Park Slope, Brooklyn, NY");
    expect(email.text).not.toContain("12 Oak St");
    expect(email.unsubscribeUrl).toMatch(/\/unsubscribe\?token=/);
    expect(email.html).toContain(email.unsubscribeUrl!.replace(/&/g, "&amp;"));
    expect(await db.emailMessage.count({ where: { userId: idle.id } })).toBe(0);

    const second = await sendWeeklyEarnings(db, { now, timeZone: tz });
    expect(second.notified).toBe(1);
    expect(await db.emailMessage.count({ where: { userId: scooper.id, kind: "earnings.weekly" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: scooper.id, kind: "earnings.weekly" } })).toBe(1);
  });

  it("one-click unsubscribe works signed-out, turns that kind's email off, and refuses a forged token", async () => {
    const scooper = await createUser(["SCOOPER"]);
    const url = new URL(unsubscribeUrl(scooper.id, "earnings.weekly"));
    const page = await unsubscribeGet(new Request(url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Unsubscribe");
    // Showing the page changes nothing (mail scanners open links); the button / List-Unsubscribe-Post does.
    expect(await db.notificationPreference.count({ where: { userId: scooper.id } })).toBe(0);
    const done = await unsubscribePost(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(done.status).toBe(200);
    expect(await db.notificationPreference.findUnique({ where: { userId_kind: { userId: scooper.id, kind: "earnings.weekly" } } })).toMatchObject({ email: false });

    const forged = new URL(url);
    forged.searchParams.set("token", `${url.searchParams.get("token")!.split(".")[0]}.AAAA`);
    expect((await unsubscribePost(new Request(forged, { method: "POST" }))).status).toBe(400);
  });

  it("the unsubscribe page speaks the recipient's language, and a bad link the visitor's", async () => {
    const scooper = await createUser(["SCOOPER"]);
    await db.user.update({ where: { id: scooper.id }, data: { locale: "es" } });
    const url = new URL(unsubscribeUrl(scooper.id, "earnings.weekly"));
    const page = await (await unsubscribeGet(new Request(url))).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain("Darse de baja de “Ganancias semanales”");
    const done = await (await unsubscribePost(new Request(url, { method: "POST" }))).text();
    expect(done).toContain("Se dio de baja");
    const bad = await unsubscribeGet(new Request(new URL("/unsubscribe?token=nope", url), { headers: { "accept-language": "es-MX,es;q=0.9" } }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("no es válido");
  });
});
