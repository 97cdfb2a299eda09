export type PhotoVariant = "original" | "display" | "thumb";

/** Photos are served by src/app/api/jobs/[id]/photos/[photoId]/route.ts, which checks the viewer may see the job. */
export function photoUrl(jobId: string, photoId: string, variant: PhotoVariant): string {
  return `/api/jobs/${encodeURIComponent(jobId)}/photos/${encodeURIComponent(photoId)}?size=${variant}`;
}

/** A photo row as the browser gets it: the display copy and the thumbnail URLs added. */
export function withPhotoUrls<P extends { id: string }>(jobId: string, photo: P): P & { url: string; thumbUrl: string } {
  return { ...photo, url: photoUrl(jobId, photo.id, "display"), thumbUrl: photoUrl(jobId, photo.id, "thumb") };
}
