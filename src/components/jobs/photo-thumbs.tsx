/** A row of private photo thumbnails, each opening its display copy in a new tab. */
export function PhotoThumbs({ photos, alt, className = "flex flex-wrap gap-1" }: { photos: { id: string; url: string; thumbUrl: string }[]; alt: string; className?: string }) {
  if (photos.length === 0) return null;
  return (
    <div className={className}>
      {photos.map((p) => (
        <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
          {/* eslint-disable-next-line @next/next/no-img-element -- private, per-viewer images: Next's optimizer would cache them */}
          <img src={p.thumbUrl} alt={alt} className="h-16 w-16 rounded object-cover" />
        </a>
      ))}
    </div>
  );
}
