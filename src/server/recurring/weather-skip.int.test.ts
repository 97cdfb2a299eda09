/**
 * The admin's weather skip through the API with the real worker for the notices: exactly the subscriptions inside
 * the area (a box, or ZIP codes) with a visit that date are skipped; generation (run twice) makes nothing for them and
 * reports them as skippedByWeather apart from the customer's skips; jobs already generated that date are cancelled
 * with no fee; each affected customer is told once; audited; admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { cast, createUser } from "@/test/factories";
import { allEffectsDone } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";
import { toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "./generate";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["notifications", "emails", "payments"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const at = (date: string) => zonedTime(date, "06:00", env.APP_TIMEZONE);
const box = { kind: "box" as const, south: 40.6, west: -74.05, north: 40.7, east: -73.9 };

async function subscription(firstServiceDate: string, place: { lat: number; lng: number; postalCode?: string }) {
  const customer = await createUser(["CUSTOMER"]);
  const sub = await db.recurringCleanup.create({
    data: {
      customerId: customer.id, frequency: "WEEKLY", firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800, address: "5 Weather Way, Brooklyn",
      type: "POOP", pileEstimate: "PILES_4_8", yardSegments: ["N"], ...place,
    },
  });
  return { ...sub, customer };
}
const notices = (userId: string) => db.notification.findMany({ where: { userId, kind: "recurring.weather-skip" } });

describe("weather skip", () => {
  it("skips exactly the visits inside the area; generation makes nothing for them, twice, and reports them apart", async () => {
    const { admin } = await cast();
    const date = "2033-03-08"; // a Tuesday
    const inside = await subscription("2033-03-01", { lat: 40.65, lng: -73.97 });
    const outside = await subscription("2033-03-01", { lat: 40.8, lng: -73.97, postalCode: "10027" });
    const byZip = await subscription("2033-03-01", { lat: 40.9, lng: -73.8, postalCode: "11201" });
    const otherWeekday = await subscription("2033-03-02", { lat: 40.65, lng: -73.97 });
    const customerSkipped = await subscription("2033-03-01", { lat: 40.66, lng: -73.96 });
    // The customer's own skip of that date (the skip rules themselves are skip-visit's tests).
    await db.skippedVisit.create({ data: { recurringId: customerSkipped.id, serviceDate: toDbDate(date), createdById: customerSkipped.customer.id } });

    const byBox = await admin.api.adminWeather.skip({ date, area: box, reason: "Ice storm warning" });
    expect(byBox.skippedRecurringIds.sort()).toEqual([inside.id, customerSkipped.id].sort());
    const zip = await admin.api.adminWeather.skip({ date, area: { kind: "postalCodes", postalCodes: ["11201", "11999"] }, reason: "Flooding" });
    expect(zip.skippedRecurringIds).toEqual([byZip.id]);
    // The customer's own skip stays theirs.
    expect(await db.skippedVisit.findUniqueOrThrow({ where: { recurringId_serviceDate: { recurringId: customerSkipped.id, serviceDate: toDbDate(date) } } })).toMatchObject({ reason: "CUSTOMER" });

    for (let run = 0; run < 2; run++) {
      const summary = await generateDueRecurringJobs(db, { now: at(date) });
      const generatedFor = await db.cleanupJob.findMany({ where: { serviceDate: toDbDate(date), recurringId: { in: [inside.id, outside.id, byZip.id, otherWeekday.id, customerSkipped.id] } }, select: { recurringId: true } });
      expect(generatedFor.map((j) => j.recurringId)).toEqual([outside.id]);
      expect(summary).toMatchObject({ skippedByWeather: 2, skippedByCustomer: 1 });
    }

    await allEffectsDone();
    expect(await notices(inside.customer.id)).toEqual([expect.objectContaining({ body: expect.stringContaining("skipped on 2033-03-08: Ice storm warning") })]);
    expect(await notices(byZip.customer.id)).toHaveLength(1);
    expect(await notices(outside.customer.id)).toHaveLength(0);
    expect(await notices(otherWeekday.customer.id)).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { toAddress: inside.customer.email, kind: "recurring.weather-skip" } })).toBe(1);
    const audit = await db.auditLog.findMany({ where: { action: "recurring.weather-skip", actorId: admin.id } });
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.reason).sort()).toEqual(["Flooding", "Ice storm warning"]);
  });

  it("cancels the date's jobs already generated, with no fee, and leaves other dates alone", async () => {
    const { admin, scooper } = await cast();
    const date = "2033-04-05";
    const sub = await subscription("2033-04-05", { lat: 40.65, lng: -73.97, postalCode: "11215" });
    await generateDueRecurringJobs(db, { now: at(date) });
    const job = await db.cleanupJob.findFirstOrThrow({ where: { recurringId: sub.id, serviceDate: toDbDate(date) } });
    // Funded and claimed by now.
    await db.cleanupJob.update({ where: { id: job.id }, data: { status: "CLAIMED", scooperId: scooper.id, claimedAt: new Date(), startDeadlineAt: new Date(Date.now() + 3_600_000) } });

    const result = await admin.api.adminWeather.skip({ date, area: { kind: "postalCodes", postalCodes: ["11215"] }, reason: "Heat advisory" });
    expect(result).toMatchObject({ skippedRecurringIds: [sub.id], cancelledJobIds: [job.id] });
    const cancelled = await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED" });
    const event = await db.jobEvent.findFirstOrThrow({ where: { jobId: job.id, type: "cancelled" } });
    expect(event.details).toMatchObject({ by: "admin", reason: "Skipped for weather: Heat advisory" });
    expect(await db.outboxMessage.count({ where: { kind: "settle", payload: { path: ["step"], equals: "cancellation-fee" }, AND: { payload: { path: ["jobId"], equals: job.id } } } })).toBe(0);
    // The next week is untouched.
    expect(await db.skippedVisit.count({ where: { recurringId: sub.id, serviceDate: toDbDate("2033-04-12") } })).toBe(0);
  });

  it("is for admins only and refuses a bad area or a past date", async () => {
    const { customer, scooper, admin } = await cast();
    const input = { date: "2033-05-03", area: box, reason: "Storm" };
    await expect(customer.api.adminWeather.skip(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(scooper.api.adminWeather.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.adminWeather.skip({ ...input, area: { ...box, south: 40.8 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.api.adminWeather.skip({ ...input, area: { kind: "postalCodes", postalCodes: ["abc"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.api.adminWeather.skip({ ...input, date: "2020-01-07" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.weatherSkip.count({ where: { serviceDate: toDbDate("2033-05-03") } })).toBe(0);
    expect((await admin.api.adminWeather.list()).length).toBeGreaterThanOrEqual(0);
  });
});
