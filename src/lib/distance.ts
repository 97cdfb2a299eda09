/** Distance maths shared by the browser and the server, free of zod (the board's list imports it; issue 16's byte budget). */
const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whole minutes to cover `distanceM` in a straight line at `speedKmh`, rounded up (a scooper 10 m away is
 * "1 minute" away, never "0"). The "on my way" estimate: roads are longer, so it is a lower bound.
 */
export function straightLineEtaMinutes(distanceM: number, speedKmh: number): number {
  if (distanceM <= 0) return 0;
  return Math.max(1, Math.ceil((distanceM / 1000 / speedKmh) * 60));
}
