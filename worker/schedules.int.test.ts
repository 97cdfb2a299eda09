/**
 * A daily or weekly run lost with its scheduler (Redis flushed as its time came, or a deploy onto an empty Redis
 * after it) is caught up once when the scheduler is re-created, within CATCH_UP_HOURS; an earlier one is not.
 * Run in Los Angeles with reminders at 16:45 (not the defaults), so a slip to UTC or 15:00 shows.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { APP_TIMEZONE: "America/Los_Angeles", RECURRING_REMINDER_TIME: "16:45" });
});

import { zonedTime } from "@/lib/schedules";
import { getQueue } from "@/server/queues/queues";
import { catchUpJobId, ensureSchedules, registerSchedules } from "./schedules";

const LA = "America/Los_Angeles";
const REMINDERS = "daily-service-reminders";
const EARNINGS = "weekly-earnings";

async function lose(queue: "recurring" | "notifications", id: string) {
  await registerSchedules();
  await getQueue(queue).removeJobScheduler(id);
  expect(await getQueue(queue).getJobScheduler(id)).toBeUndefined();
}

describe("schedulers lost from Redis", () => {
  it("catch up today's reminders when re-created after their time, once", async () => {
    await lose("recurring", REMINDERS);
    const now = zonedTime("2031-05-13", "17:10", LA);
    expect(await ensureSchedules(now)).toEqual([REMINDERS]);
    expect(await getQueue("recurring").getJobScheduler(REMINDERS)).toMatchObject({ pattern: "45 16 * * *", tz: LA });
    const due = zonedTime("2031-05-13", "16:45", LA);
    const job = await getQueue("recurring").getJob(catchUpJobId(REMINDERS, due));
    expect(job?.data).toEqual({ kind: "send-reminders" });

    // Lost again the same evening: the same due time, so still one run.
    await lose("recurring", REMINDERS);
    expect(await ensureSchedules(zonedTime("2031-05-13", "18:00", LA))).toEqual([REMINDERS]);
    const jobs = await getQueue("recurring").getJobs(["waiting", "delayed", "prioritized", "active", "completed", "failed"]);
    expect(jobs.filter((j) => j.id?.startsWith(`catch-up-${REMINDERS}-`)).map((j) => j.id)).toEqual([catchUpJobId(REMINDERS, due)]);
  });

  it("leaves a run alone before its time, after midnight, or more than CATCH_UP_HOURS after it", async () => {
    await lose("recurring", REMINDERS);
    // 16:30: today's 16:45 is still to come (the re-created scheduler runs it); yesterday's is 23¾ hours old.
    await ensureSchedules(zonedTime("2031-06-10", "16:30", LA));
    await lose("recurring", REMINDERS);
    // 00:30 the next day: within 12 hours, but a run now would remind for the day after (its date comes from now).
    await ensureSchedules(zonedTime("2031-06-11", "00:30", LA));
    await lose("recurring", REMINDERS);
    // 05:00 the next morning: 12¼ hours after 16:45.
    await ensureSchedules(zonedTime("2031-06-11", "05:00", LA));
    for (const date of ["2031-06-09", "2031-06-10"]) {
      expect(await getQueue("recurring").getJob(catchUpJobId(REMINDERS, zonedTime(date, "16:45", LA)))).toBeUndefined();
    }
  });

  it("catches up Monday's 08:00 earnings email on Monday, not on Tuesday", async () => {
    await lose("notifications", EARNINGS);
    // 2031-05-12 is a Monday.
    await ensureSchedules(zonedTime("2031-05-12", "09:30", LA));
    expect((await getQueue("notifications").getJob(catchUpJobId(EARNINGS, zonedTime("2031-05-12", "08:00", LA))))?.data).toEqual({ kind: "weekly-earnings" });
    await lose("notifications", EARNINGS);
    await ensureSchedules(zonedTime("2031-05-20", "09:30", LA));
    expect(await getQueue("notifications").getJob(catchUpJobId(EARNINGS, zonedTime("2031-05-19", "08:00", LA)))).toBeUndefined();
  });
});
