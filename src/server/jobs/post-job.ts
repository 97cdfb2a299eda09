import { z } from "zod";
import { currentFeeRates } from "@/server/payments/fees";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { postJobInputSchema, type PostJobInput } from "@/lib/schemas/jobs";
import { jobRules } from "./config";
import type { JobActor } from "./job-access";
import { authorizePostedJob } from "@/server/jobs/funding";
import { paymentForm, paymentFormSchema } from "@/server/payments/payment-form";
import { cancelUnpaidJob, openPaidJob } from "./payment-gate";
import { requireActiveUser } from "./users";


export const postJobResultSchema = z.object({
  id: z.string(),
  expiresAt: z.date(),
  /** OPEN once the money is held; AWAITING_PAYMENT while the customer must still confirm the card (Stripe). */
  status: z.enum(["OPEN", "AWAITING_PAYMENT"]),
  /** For the card form (Stripe.js) when AWAITING_PAYMENT. */
  payment: paymentFormSchema.nullable(),
});
export type PostJobResult = z.infer<typeof postJobResultSchema>;

/**
 * A customer posts a job. It is created AWAITING_PAYMENT and opens only once the price is held on the customer's
 * card (payment-gate.ts): at once with the ledger or a saved card; after the card form with Stripe. A refused
 * authorization cancels it and the customer gets the provider's reason.
 */
export async function postJob(db: Db, actor: JobActor, raw: PostJobInput): Promise<PostJobResult> {
  const input = postJobInputSchema.parse(raw);
  const job = await db.$transaction(async (tx) => {
    await requireActiveUser(tx, actor.id, "post");
    const poster = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { postingHeldAt: true } });
    if (poster.postingHeldAt) {
      throw new AppError("PRECONDITION_FAILED", "job.postingHeld", {}, { reason: "posting-held" });
    }
    return tx.cleanupJob.create({
      data: {
        posterId: actor.id,
        status: "AWAITING_PAYMENT",
        address: input.address,
        lat: input.lat,
        lng: input.lng,
        priceCents: input.priceCents,
        // The rates in force now stay with the job: what the scooper is shown is what they are paid.
        ...currentFeeRates(),
        type: input.type,
        // Only the fields the type calls for: a LITTER job has no pile estimate, a POOP job no litter level.
        pileEstimate: input.type === "LITTER" ? null : input.pileEstimate,
        litterLevel: input.type === "POOP" ? null : input.litterLevel,
        yardSegments: [...new Set(input.yardSegments)],
        publicNotes: input.publicNotes || null,
        accessNotes: input.accessNotes || null,
        // Counted again from the moment it opens.
        expiresAt: new Date(Date.now() + jobRules.expiryMs),
      },
      select: { id: true },
    });
  });
  let authorization;
  try {
    authorization = await authorizePostedJob({ jobId: job.id, customerId: actor.id, amountCents: input.priceCents });
  } catch (err) {
    await cancelUnpaidJob(db, job.id, "payment not authorized");
    throw err;
  }
  if (authorization.status === "AUTHORIZED") await openPaidJob(db, job.id);
  const { status, expiresAt } = await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, expiresAt: true } });
  const open = status === "OPEN";
  return {
    id: job.id, expiresAt, status: open ? "OPEN" : "AWAITING_PAYMENT",
    payment: open ? null : paymentForm(authorization.clientSecret),
  };
}
