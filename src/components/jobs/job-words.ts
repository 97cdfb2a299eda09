/**
 * Sentences about a job that a person reads: its timeline ("Claimed by the scooper", not "claimed by scooper"
 * or "posted by poster") and what cancelling it does to the money, said before the poster or an admin commits.
 */
import { formatDateTime } from "@/lib/format-date";
import { formatCents } from "@/lib/money";

const EVENT_WORDS: Record<string, string> = {
  posted: "Posted",
  claimed: "Claimed",
  released: "Released back to the board",
  released_scooper_blocked: "Back on the board: the scooper's account was blocked",
  reopened: "Back on the board",
  start_deadline_passed: "Not started in time: back on the board",
  started: "Started",
  completed: "Completed",
  confirmed: "Confirmed",
  auto_confirmed: "Confirmed automatically",
  cancelled: "Cancelled",
  expired: "Expired unclaimed",
  opened_to_all: "Opened to every scooper",
  payment_failed: "Payment failed",
  dispute_opened: "Dispute opened",
  dispute_responded: "Scooper responded to the dispute",
  dispute_resolved: "Dispute resolved",
  access_notes_revealed: "Access notes viewed",
  reviewed: "Reviewed",
  tipped: "Tip added",
  on_my_way: "On the way",
  unreachable: "Could not get in: reported",
  unreachable_retry: "Asked to try again",
  unreachable_deadline_passed: "No answer in time: cancelled",
};
const ACTOR_WORDS = { poster: "the customer", scooper: "the scooper", admin: "an admin", system: null } as const;

/** "Posted by the customer", "Expired unclaimed" (nobody acted: the system is never named). */
export function timelineWords(type: string, actor: keyof typeof ACTOR_WORDS): string {
  const what = EVENT_WORDS[type] ?? type.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
  const who = ACTOR_WORDS[actor];
  return who ? `${what} by ${who}` : what;
}

/**
 * ", marked done on the phone Sun, Nov 29, 3:12 PM": a completion sent later than it was tapped (no signal in the
 * yard) says when the work was really finished; the event's own time is when the server received it.
 */
export function tappedLaterWords(event: { type: string; details: Record<string, unknown> | null; createdAt: Date }): string {
  const tapped = event.type === "completed" && typeof event.details?.tappedAt === "string" ? new Date(event.details.tappedAt) : null;
  if (!tapped || Number.isNaN(tapped.getTime()) || event.createdAt.getTime() - tapped.getTime() < 60_000) return "";
  return `, marked done on the phone ${formatDateTime(tapped)}`;
}

type CancelJob = { status: string; priceCents: number; cancellationFeeCents: number; cancellationFeePercent: number };

/** What cancelling does to the money, for the one who is about to cancel (the poster, or an admin). */
export function cancelMoneyWords(job: CancelJob, asAdmin: boolean): string[] {
  const price = formatCents(job.priceCents);
  if (asAdmin) {
    return [
      "The job leaves the board and the customer and scooper are told, with your reason.",
      `Any hold on the customer's card for ${price} is released; nothing is charged for the cancellation.`,
    ];
  }
  if (job.status === "CLAIMED") {
    const fee = formatCents(job.cancellationFeeCents);
    const rest = formatCents(job.priceCents - job.cancellationFeeCents);
    return [
      `A scooper has already claimed this job, so they are paid a ${job.cancellationFeePercent}% cancellation fee of ${fee}.`,
      `You are charged ${fee}; the other ${rest} of the ${price} held on your card is released.`,
    ];
  }
  if (job.status === "AWAITING_PAYMENT") return ["The job is not on the board yet and your card has not been charged. Nothing is paid."];
  return [`The job leaves the board. The ${price} held on your card is released in full: you pay nothing.`];
}
