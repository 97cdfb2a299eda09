/**
 * A byte limit (PHOTO_MAX_BYTES) in megabytes (MiB) for words, rounded down to two significant digits so the
 * number said is never above the limit: 10 MiB → 10, 15 000 000 bytes → 14, 200 KiB → 0.19. Shown with
 * `{mb, number}` so the decimal separator follows the language.
 */
export function megabytesForWords(bytes: number): number {
  const mb = bytes / 1024 / 1024;
  if (!(mb > 0)) return 0;
  const step = 10 ** (Math.floor(Math.log10(mb)) - 1);
  return Number((Math.floor(mb / step + 1e-9) * step).toPrecision(2));
}
