/**
 * A scooper's "Today": their active jobs (CLAIMED, IN_PROGRESS, UNREACHABLE) in driving order from where they are
 * (`planRoute`: nearest neighbour + 2-opt over straight-line distance), each with its deadline. The position is
 * used for this answer only and never stored. Without one, stops are in deadline order.
 */
import { z } from "zod";
import { JobStatus } from "@/generated/prisma/enums";
import { latSchema, lngSchema } from "@/lib/geo";
import { mapsDirectionsUrl, planRoute } from "@/lib/route";
import type { Db } from "@/server/db";
import { ACTIVE_CLAIM_STATES } from "./job-access";

export const todayInputSchema = z.object({ position: z.object({ lat: latSchema, lng: lngSchema }).nullish() });

export const todayStopSchema = z.object({
  jobId: z.string(),
  status: z.enum(JobStatus),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** What has to happen by when: start (CLAIMED) or the customer's answer (UNREACHABLE); null while working. */
  deadline: z.object({ kind: z.enum(["start", "answer"]), at: z.date() }).nullable(),
  /** Straight-line metres from the previous stop (the first: from the position); null without a position. */
  legMeters: z.number().int().nullable(),
  mapsUrl: z.string(),
});
export const todaySchema = z.object({ ordered: z.enum(["route", "deadline"]), stops: z.array(todayStopSchema), totalMeters: z.number().int().nullable() });
export type Today = z.infer<typeof todaySchema>;

export async function scooperToday(db: Db, scooperId: string, position: { lat: number; lng: number } | null | undefined): Promise<Today> {
  const jobs = await db.cleanupJob.findMany({
    where: { scooperId, status: { in: [...ACTIVE_CLAIM_STATES] } },
    select: { id: true, status: true, address: true, lat: true, lng: true, startDeadlineAt: true, answerDeadlineAt: true, claimedAt: true },
    orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
  });
  const stops = jobs.map((j) => {
    const deadline =
      j.status === "CLAIMED" && j.startDeadlineAt ? { kind: "start" as const, at: j.startDeadlineAt }
      : j.status === "UNREACHABLE" && j.answerDeadlineAt ? { kind: "answer" as const, at: j.answerDeadlineAt }
      : null;
    return { jobId: j.id, status: j.status, address: j.address, lat: j.lat, lng: j.lng, deadline, mapsUrl: mapsDirectionsUrl(j) };
  });
  if (!position) {
    const far = Number.MAX_SAFE_INTEGER;
    stops.sort((a, b) => (a.deadline?.at.getTime() ?? far) - (b.deadline?.at.getTime() ?? far));
    return { ordered: "deadline", stops: stops.map((s) => ({ ...s, legMeters: null })), totalMeters: null };
  }
  const plan = planRoute(position, stops);
  return {
    ordered: "route",
    stops: plan.map(({ stop, legMeters }) => ({ ...stop, legMeters })),
    totalMeters: plan.reduce((sum, p) => sum + p.legMeters, 0),
  };
}
