/**
 * Where an unclaimed job is shown to people who are not its poster or an admin: the street and neighbourhood
 * without the house number (or unit), and the pin moved to the centre of its grid cell. The cell is
 * APPROX_CELL_DEGREES on each side (≈150 m north–south; a little less east–west away from the equator), so
 * every job in a cell shares one point and no pin points at a house. The board's SQL orders by the same cell
 * centre (`approxSqlExpr` in list-open-jobs.ts), so distance sorting never reveals more than the pin does.
 */
export const APPROX_CELL_DEGREES = 0.00135;

const cellCentre = (v: number) => Math.round((Math.floor(v / APPROX_CELL_DEGREES) * APPROX_CELL_DEGREES + APPROX_CELL_DEGREES / 2) * 1e7) / 1e7;

export function approximatePoint(p: { lat: number; lng: number }): { lat: number; lng: number } {
  return { lat: Math.min(90, cellCentre(p.lat)), lng: Math.min(180, cellCentre(p.lng)) };
}

const HOUSE_NUMBER = /^\s*(?:no\.?\s*)?\d+[a-z]?(?:\s*[-–/]\s*\d+[a-z]?)?(?:\s*,?\s+|\s*$)/i;
const UNIT = /,?\s*(?:\b(?:apt|apartment|unit|suite|ste|floor|fl)\b\.?|#)\s*[\w-]+/gi;

/** "12-14 Test Ave, Apt 4B, Brooklyn" → "Test Ave, Brooklyn". */
export function streetOnly(address: string): string {
  const street = address.replace(HOUSE_NUMBER, "").replace(UNIT, "").replace(/\s*,\s*,/g, ",").replace(/^[\s,]+|[\s,]+$/g, "").trim();
  return street || "Address shared after the claim";
}

/** The public view of a job's location. */
export function approximateLocation<T extends { lat: number; lng: number; address: string }>(job: T): T {
  return { ...job, ...approximatePoint(job), address: streetOnly(job.address) };
}
