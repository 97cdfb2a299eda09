/**
 * What a saved yard puts into a new job's public notes (src/server/yards/saved-yards.ts): the dog count and the
 * unsafe-dog warning travel as words a scooper reads on the board before claiming, followed by the yard's notes.
 * Copied when the job is posted, so editing the yard later changes no job.
 */
/** 900, so the notes with the dog words in front (at most ~65 characters) fit a recurring cleanup's 1000. */
export const YARD_NOTES_MAX = 900;

export function yardJobNotes(yard: { dogCount: number; unsafeDog: boolean; publicNotes: string | null }): string {
  const parts: string[] = [];
  if (yard.dogCount > 0) parts.push(`${yard.dogCount} dog${yard.dogCount === 1 ? "" : "s"}.`);
  if (yard.unsafeDog) parts.push("Unsafe dog: it must be kept inside before you enter.");
  const notes = yard.publicNotes?.trim();
  if (notes) parts.push(notes);
  return parts.join(" ");
}
