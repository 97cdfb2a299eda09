export type PhotoVariant = "original" | "display" | "thumb";

/** Photos are served by src/app/api/jobs/[id]/photos/[photoId]/route.ts, which checks the viewer may see the job. */
export function photoUrl(jobId: string, photoId: string, variant: PhotoVariant): string {
  return `/api/jobs/${encodeURIComponent(jobId)}/photos/${encodeURIComponent(photoId)}?size=${variant}`;
}
