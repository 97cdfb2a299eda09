/**
 * How a board map refetches after a board event it cannot apply by itself (a new pin, or any change while it
 * shows clusters): once per burst, after a random delay in [MIN, MIN + SPREAD) ms, so that a thousand open maps
 * spread their refetches over most of a second instead of asking in the same millisecond. The map
 * (src/components/map/job-map-inner.tsx) and `npm run bench:realtime`'s simulated maps both use it.
 */
export const BOARD_REFETCH_MIN_MS = 200;
export const BOARD_REFETCH_SPREAD_MS = 800;

export function boardRefetchDelayMs(random = Math.random()): number {
  return BOARD_REFETCH_MIN_MS + random * BOARD_REFETCH_SPREAD_MS;
}
