/** A saved yard as the job forms' fields (job-details-fields.tsx), and the form's fields as a yard's job details. */
import type { JobDetails } from "@/components/jobs/job-details-fields";
import { yardJobNotes } from "@/lib/yards";
import type { RouterOutputs } from "@/trpc/react";

export type SavedYard = RouterOutputs["yards"]["list"][number];

/** What picking a yard puts into a post or recurring form: its own copy, so later yard edits change no job. */
export function detailsFromYard(y: SavedYard): JobDetails {
  return { ...yardFormDetails(y), publicNotes: yardJobNotes(y) };
}

/** The yard's own fields, for editing the yard itself. */
export function yardFormDetails(y: SavedYard): JobDetails {
  return {
    pin: { lat: y.lat, lng: y.lng },
    address: y.address,
    price: (y.priceCents / 100).toFixed(2),
    type: y.type,
    pile: y.pileEstimate ?? "PILES_1_3",
    litter: y.litterLevel ?? "LIGHT",
    segments: y.yardSegments,
    publicNotes: y.publicNotes ?? "",
    accessNotes: y.accessNotes ?? "",
  };
}
