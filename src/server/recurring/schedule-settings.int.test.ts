/**
 * Recurring cleanups in another time zone and at other times than the defaults (APP_TIMEZONE Los Angeles,
 * RECURRING_GENERATION_TIME 07:30, RECURRING_REMINDER_TIME 16:45): the worker's daily schedulers fire at those
 * local times, a run serves the local date (late evening in Los Angeles is already tomorrow in UTC), the first date
 * a new subscription may start turns at 07:30 local, the reminder goes out for the next local date, and the Render
 * cron's hourly backstop (`recurring:generate -- --backstop`) posts nothing before the generation time.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { APP_TIMEZONE: "America/Los_Angeles", RECURRING_GENERATION_TIME: "07:30", RECURRING_REMINDER_TIME: "16:45" });
});

import { localDateIn, zonedTime } from "@/lib/schedules";
import { firstOpenServiceDate, generationTimeReached, toDbDate } from "@/server/calendar";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { createUser } from "@/test/factories";
import { registerSchedules } from "../../../worker/schedules";
import { generateDueRecurringJobs } from "./generate";
import { sendServiceDayReminders } from "./reminders";

const LA = "America/Los_Angeles";

afterEach(async () => {
  await db.recurringCleanup.updateMany({ data: { status: "CANCELLED" } });
});

async function weeklyFrom(firstServiceDate: string) {
  const customer = await createUser(["CUSTOMER"]);
  const sub = await db.recurringCleanup.create({
    data: {
      customerId: customer.id, frequency: "WEEKLY", firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800, address: "9 Pine St, Los Angeles",
      lat: 34.05, lng: -118.25, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
    },
  });
  return { customer, sub };
}

describe("recurring cleanups with a non-default zone and times", () => {
  it("schedules the daily generation at 07:30 and the reminders at 16:45 in Los Angeles", async () => {
    await registerSchedules((s) => s.queue === "recurring");
    const queue = getQueue("recurring");
    const generation = await queue.getJobScheduler("daily-recurring-generation");
    const reminders = await queue.getJobScheduler("daily-service-reminders");
    expect(generation).toMatchObject({ pattern: "30 7 * * *", tz: LA });
    expect(reminders).toMatchObject({ pattern: "45 16 * * *", tz: LA });
    // The next firing is that wall-clock time in Los Angeles, within the coming day.
    const local = (ms: number) => new Intl.DateTimeFormat("en-GB", { timeZone: LA, hour: "2-digit", minute: "2-digit" }).format(ms);
    for (const [scheduler, time] of [[generation!, "07:30"], [reminders!, "16:45"]] as const) {
      expect(local(scheduler.next!)).toBe(time);
      expect(scheduler.next! - Date.now()).toBeGreaterThan(0);
      expect(scheduler.next! - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    }
  });

  it("serves the Los Angeles date: a late-evening run is still that day, whatever the UTC date", async () => {
    const { sub } = await weeklyFrom("2031-01-07");
    // 23:00 on 7 January in Los Angeles is 07:00 on 8 January in UTC.
    const lateEvening = zonedTime("2031-01-07", "23:00", LA);
    expect(lateEvening.toISOString()).toBe("2031-01-08T07:00:00.000Z");
    expect(await generateDueRecurringJobs(db, { now: lateEvening })).toMatchObject({ serviceDate: "2031-01-07", generated: 1 });
    const job = await db.cleanupJob.findFirstOrThrow({ where: { recurringId: sub.id } });
    expect(job.serviceDate).toEqual(toDbDate("2031-01-07"));
    expect(job.expiresAt.getTime() - lateEvening.getTime()).toBe(24 * 3600 * 1000);
  });

  it("lets a new subscription start today until 07:30 local, tomorrow after", () => {
    expect(firstOpenServiceDate(zonedTime("2031-03-04", "07:29", LA))).toBe("2031-03-04");
    expect(firstOpenServiceDate(zonedTime("2031-03-04", "07:30", LA))).toBe("2031-03-05");
    // 06:00 (the default time) has passed in New York and in UTC long before; here it is still early.
    expect(firstOpenServiceDate(zonedTime("2031-03-04", "06:15", LA))).toBe("2031-03-04");
  });

  it("reminds the customer of the next Los Angeles date", async () => {
    const { customer } = await weeklyFrom("2031-01-08");
    // 16:45 on 7 January in Los Angeles (00:45 on the 8th in UTC): the reminder is for the 8th, not the 9th.
    const result = await sendServiceDayReminders(db, { now: zonedTime("2031-01-07", "16:45", LA) });
    expect(result).toMatchObject({ serviceDate: "2031-01-08", reminded: 1, failed: 0 });
    expect(await db.notification.count({ where: { userId: customer.id } })).toBe(1);
  });

  it("posts nothing from the hourly backstop before the generation time, and today's jobs after it", async () => {
    expect(generationTimeReached(zonedTime("2031-03-04", "07:29", LA))).toBe(false);
    expect(generationTimeReached(zonedTime("2031-03-04", "07:30", LA))).toBe(true);

    // The real CLI as Render's cron runs it, in a zone where it is not yet 23:59 (one of two zones 26 hours apart).
    const minute = (zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date());
    const zone = minute("Etc/GMT+12") < "23:59" ? "Etc/GMT+12" : "Etc/GMT-14";
    const today = localDateIn(zone, new Date());
    const { sub } = await weeklyFrom(today);
    const backstop = (time: string) =>
      promisify(execFile)("npx", ["tsx", "scripts/recurring-generate.ts", "--backstop"], {
        env: { ...process.env, APP_TIMEZONE: zone, RECURRING_GENERATION_TIME: time, LOG_LEVEL: "warn" }, encoding: "utf8", timeout: 60_000,
      });
    const early = await backstop("23:59");
    expect(early.stdout.trim().split("\n").at(-1)).toBe(`not yet: today's jobs are generated at 23:59 ${zone}`);
    expect(await db.cleanupJob.count({ where: { recurringId: sub.id } })).toBe(0);

    const due = await backstop("00:00");
    expect(due.stdout.trim().split("\n").at(-1)).toMatch(/^generated [1-9]\d*, skipped \d+, failed 0$/);
    expect(await db.cleanupJob.findMany({ where: { recurringId: sub.id }, select: { serviceDate: true } })).toEqual([{ serviceDate: toDbDate(today) }]);
  }, 90_000);
});
