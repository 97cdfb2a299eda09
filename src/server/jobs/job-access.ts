/**
 * Who may see and do what on one job, as pure functions of the job's state and the viewer. The services
 * enforce these; the job page shows the same list of actions, so the UI never offers what the server refuses.
 */
import type { JobStatus } from "@/generated/prisma/enums";
import type { AppRole } from "@/lib/permissions";
import { can } from "@/lib/permissions";
import type { JobAction } from "./dto";

export type JobActor = { id: string; roles: readonly AppRole[] };
export type JobParties = {
  status: JobStatus;
  posterId: string;
  scooperId: string | null;
  /** A recurring job's preferred-scooper window: until then only that scooper sees and may claim it. */
  exclusiveScooperId?: string | null;
  exclusiveUntil?: Date | null;
  /** Only where actions are computed: the job's dispute (scooper may respond once, before the deadline) and review. */
  dispute?: { respondedAt: Date | null; responseDeadlineAt: Date } | null;
  review?: { id: string; tipCents?: number; tipUntil?: Date | null } | null;
  /** Only where actions are computed: when the scooper said "on my way" on this claim (once per claim). */
  onMyWayAt?: Date | null;
  /** Only where actions are computed: the poster's deadline to answer a "can't get in" report. */
  answerDeadlineAt?: Date | null;
};

/** A claim the scooper still holds: counted toward the claim limit, and its access notes stay readable (UNREACHABLE too). */
export const ACTIVE_CLAIM_STATES = ["CLAIMED", "IN_PROGRESS", "UNREACHABLE"] as const satisfies readonly JobStatus[];
export const TERMINAL_STATES = ["CONFIRMED", "CANCELLED", "EXPIRED", "RESOLVED"] as const satisfies readonly JobStatus[];

export function isAdmin(viewer: JobActor | null): boolean {
  return can(viewer?.roles, "admin.access");
}
export function isPoster(job: JobParties, viewer: JobActor | null): boolean {
  return !!viewer && job.posterId === viewer.id;
}
/** The scooper holding (or, once the work is done, who held) the claim. */
export function isJobScooper(job: JobParties, viewer: JobActor | null): boolean {
  return !!viewer && job.scooperId === viewer.id;
}

/** An OPEN job still inside its preferred-scooper window, for anyone but that scooper. */
export function reservedForAnother(job: JobParties, viewer: JobActor | null, now = new Date()): boolean {
  return !!job.exclusiveScooperId && !!job.exclusiveUntil && job.exclusiveUntil > now && job.exclusiveScooperId !== viewer?.id;
}

/** Everyone sees an OPEN job (but a reserved one only its preferred scooper); otherwise only its poster, its scooper and admins. */
export function canSeeJob(job: JobParties, viewer: JobActor | null): boolean {
  return (
    (job.status === "OPEN" && !reservedForAnother(job, viewer)) || isPoster(job, viewer) || isJobScooper(job, viewer) || isAdmin(viewer)
  );
}

export function canSeeTimeline(job: JobParties, viewer: JobActor | null): boolean {
  return isPoster(job, viewer) || isJobScooper(job, viewer) || isAdmin(viewer);
}

/** Private access notes: poster, admins, and the scooper only while the claim is active. */
export function canReadAccessNotes(job: JobParties, viewer: JobActor | null): boolean {
  if (isPoster(job, viewer) || isAdmin(viewer)) return true;
  return isJobScooper(job, viewer) && (ACTIVE_CLAIM_STATES as readonly JobStatus[]).includes(job.status);
}

export function isTerminal(status: JobStatus): boolean {
  return (TERMINAL_STATES as readonly JobStatus[]).includes(status);
}

/** The actions `viewer` may take on `job` right now (data-dependent limits such as "3 active claims" excepted). */
/** An ended job its poster may post again with the same details (repost-job.ts; the job page and /my-jobs offer it). */
export function mayRepost(status: JobStatus): boolean {
  return status === "EXPIRED" || status === "CANCELLED";
}

export function allowedActions(job: JobParties, viewer: JobActor | null, now = new Date()): JobAction[] {
  if (!viewer) return [];
  const actions: JobAction[] = [];
  const poster = isPoster(job, viewer);
  const scooper = isJobScooper(job, viewer);
  switch (job.status) {
    case "AWAITING_PAYMENT":
      if (poster) actions.push("pay", "cancel", "uploadBeforePhoto");
      break;
    case "OPEN":
      if (!poster && can(viewer.roles, "jobs.claim") && !reservedForAnother(job, viewer)) actions.push("claim");
      if (poster) actions.push("cancel", "uploadBeforePhoto");
      break;
    case "CLAIMED":
      if (scooper) actions.push("start", "release");
      if (scooper && !job.onMyWayAt) actions.push("onMyWay");
      if (scooper) actions.push("reportUnreachable");
      if (poster) actions.push("cancel", "uploadBeforePhoto");
      break;
    case "IN_PROGRESS":
      if (scooper) actions.push("uploadAfterPhoto", "complete", "reportUnreachable");
      break;
    case "UNREACHABLE":
      // Before the deadline; after it the sweep cancels the job (an answer then is refused).
      if (poster && job.answerDeadlineAt && job.answerDeadlineAt > now) actions.push("answerUnreachable");
      // An admin cancels it choosing whether the fee is owed (cancel-job.ts), not with the plain cancel.
      if (isAdmin(viewer)) actions.push("adminCancelUnreachable");
      break;
    case "COMPLETED":
      if (poster) actions.push("confirm", "openDispute");
      break;
    case "DISPUTED":
      if (scooper && job.dispute && !job.dispute.respondedAt && job.dispute.responseDeadlineAt > now) actions.push("respondToDispute");
      break;
    case "CONFIRMED":
      if (poster && job.scooperId && job.review === null) actions.push("review");
      // A review without a tip may get one later, once, until its deadline (add-tip.ts).
      if (poster && job.review && job.review.tipCents === 0 && job.review.tipUntil && job.review.tipUntil > now) actions.push("tip");
      break;
    case "EXPIRED":
    case "CANCELLED":
      if (poster && mayRepost(job.status)) actions.push("repost");
      break;
  }
  if (isAdmin(viewer) && !isTerminal(job.status) && job.status !== "UNREACHABLE" && !actions.includes("cancel")) actions.push("cancel");
  return actions;
}
