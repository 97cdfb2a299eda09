/** A saved yard as the job forms' fields (job-details-fields.tsx), and the form's fields as a yard's job details. */
import { DEFAULT_JOB_DETAILS, type JobDetailsValues } from "@/components/jobs/job-details-fields";
import { yardJobNotes } from "@/lib/yards";
import type { RouterOutputs } from "@/trpc/react";

export type SavedYard = RouterOutputs["yards"]["list"][number];

/**
 * What picking a yard puts into a post or recurring form: its own copy, so later yard edits change no job. The pin
 * counts as confirmed: the customer placed it on the yard when saving it.
 */
export function detailsFromYard(y: SavedYard): JobDetailsValues {
  return { ...yardFormDetails(y), publicNotes: yardJobNotes(y) };
}

/** The yard's own fields, for editing the yard itself. */
export function yardFormDetails(y: SavedYard): JobDetailsValues {
  return {
    lat: y.lat,
    lng: y.lng,
    address: y.address,
    price: (y.priceCents / 100).toFixed(2),
    type: y.type,
    pileEstimate: y.pileEstimate ?? DEFAULT_JOB_DETAILS.pileEstimate,
    litterLevel: y.litterLevel ?? DEFAULT_JOB_DETAILS.litterLevel,
    yardSegments: y.yardSegments,
    publicNotes: y.publicNotes ?? "",
    accessNotes: y.accessNotes ?? "",
    pinConfirmed: true,
  };
}
