/**
 * Skipped visits (issue 19, the customer's part): skip one upcoming service date, undo it until generation ran,
 * generation skips it (even run twice) and reports it apart, and a skip racing generation leaves one outcome.
 */
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { addDays, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { cast, createUser } from "@/test/factories";
import { firstOpenServiceDate, toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "./generate";
import { skipVisit, undoSkipVisit } from "./skip-visit";

const at = (date: string) => zonedTime(date, "06:00", env.APP_TIMEZONE);
const dayBefore = (date: string) => at(addDays(date, -1));

// Generation serves every due subscription in this file's database: end each test's subscriptions.
afterEach(async () => {
  await db.recurringCleanup.updateMany({ data: { status: "CANCELLED" } });
});

async function weekly(customerId: string, firstServiceDate: string) {
  return db.recurringCleanup.create({
    data: {
      customerId, frequency: "WEEKLY", firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800, address: "5 Skip Ln, Brooklyn",
      lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
    },
  });
}
const jobsOn = (recurringId: string, date: string) => db.cleanupJob.count({ where: { recurringId, serviceDate: toDbDate(date) } });

describe("skipping a visit through the API", () => {
  it("lets the customer skip and undo an upcoming date of their own subscription only", async () => {
    const { customer, scooper } = await cast();
    const first = firstOpenServiceDate();
    const sub = await weekly(customer.id, first);
    const upcoming = await customer.api.recurring.upcomingVisits({ id: sub.id });
    expect(upcoming.slice(0, 2)).toEqual([{ date: first, skipped: false }, { date: addDays(first, 7), skipped: false }]);

    const after = await customer.api.recurring.skipVisit({ id: sub.id, date: addDays(first, 7) });
    expect(after.slice(0, 2)).toEqual([{ date: first, skipped: false }, { date: addDays(first, 7), skipped: true }]);
    // Twice is the same skip.
    await customer.api.recurring.skipVisit({ id: sub.id, date: addDays(first, 7) });
    expect(await db.skippedVisit.count({ where: { recurringId: sub.id } })).toBe(1);

    await expect(customer.api.recurring.skipVisit({ id: sub.id, date: addDays(first, 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" }); // not a service date
    await expect(customer.api.recurring.skipVisit({ id: sub.id, date: addDays(first, 7 * 20) })).rejects.toMatchObject({ code: "BAD_REQUEST" }); // too far
    const other = await cast();
    await expect(other.customer.api.recurring.skipVisit({ id: sub.id, date: first })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(scooper.api.recurring.skipVisit({ id: sub.id, date: first })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await customer.api.recurring.undoSkipVisit({ id: sub.id, date: addDays(first, 7) })).slice(0, 2).every((v) => !v.skipped)).toBe(true);
    await expect(customer.api.recurring.undoSkipVisit({ id: sub.id, date: addDays(first, 7) })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("generation and skipped visits", () => {
  it("generates nothing for a skipped date, even run twice, and reports it apart", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const skipped = await weekly(customer.id, "2031-05-06");
    const served = await weekly(customer.id, "2031-05-06");
    await skipVisit(db, customer.id, skipped.id, "2031-05-13", dayBefore("2031-05-13"));
    for (let run = 0; run < 2; run++) {
      const summary = await generateDueRecurringJobs(db, { now: at("2031-05-13") });
      expect(summary).toMatchObject({ generated: run === 0 ? 1 : 0, skipped: run === 0 ? 0 : 1, skippedByCustomer: 1, failed: 0 });
    }
    expect(await jobsOn(skipped.id, "2031-05-13")).toBe(0);
    expect(await jobsOn(served.id, "2031-05-13")).toBe(1);
    // The next date is served as usual.
    expect(await generateDueRecurringJobs(db, { now: at("2031-05-20") })).toMatchObject({ generated: 2, skippedByCustomer: 0 });
  });

  it("refuses an undo, or a skip, once the date's generation ran", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const sub = await weekly(customer.id, "2031-06-03");
    await skipVisit(db, customer.id, sub.id, "2031-06-10", dayBefore("2031-06-10"));
    await generateDueRecurringJobs(db, { now: at("2031-06-10") });
    await expect(undoSkipVisit(db, customer.id, sub.id, "2031-06-10", new Date(at("2031-06-10").getTime() + 60_000))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await jobsOn(sub.id, "2031-06-10")).toBe(0);
    // Generated already (a job exists), even if the clock says it is early: refused.
    await generateDueRecurringJobs(db, { now: at("2031-06-17") });
    await expect(skipVisit(db, customer.id, sub.id, "2031-06-17", dayBefore("2031-06-17"))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.skippedVisit.count({ where: { recurringId: sub.id, serviceDate: toDbDate("2031-06-17") } })).toBe(0);
  });

  it("a skip racing generation: either the job or the skip, never both", async () => {
    const customer = await createUser(["CUSTOMER"]);
    for (const date of ["2031-07-01", "2031-07-08", "2031-07-15", "2031-07-22"]) {
      const sub = await weekly(customer.id, date);
      const [skip] = await Promise.allSettled([
        skipVisit(db, customer.id, sub.id, date, new Date(at(date).getTime() - 1000)),
        generateDueRecurringJobs(db, { now: at(date) }),
      ]);
      const jobs = await jobsOn(sub.id, date);
      const skips = await db.skippedVisit.count({ where: { recurringId: sub.id, serviceDate: toDbDate(date) } });
      expect(jobs + skips).toBe(1);
      expect(skip.status === "fulfilled").toBe(skips === 1);
      await db.recurringCleanup.update({ where: { id: sub.id }, data: { status: "CANCELLED" } });
    }
  });
});
