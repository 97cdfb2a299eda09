import "server-only";
import { env } from "@/env";
import { localDateIn } from "@/lib/schedules";
import { serverApi } from "@/trpc/server";

/** The earliest first service date the server accepts now (its 06:00 generation for that date has not run). */
export async function earliestFirstDate(): Promise<string> {
  const today = localDateIn(env.APP_TIMEZONE, new Date());
  return (await (await serverApi()).recurring.preview({ frequency: "WEEKLY", firstServiceDate: today })).earliestFirstDate;
}
