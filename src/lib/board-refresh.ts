/**
 * How a board map refetches a view after a board event it cannot apply by itself (src/lib/board-live.ts says which:
 * e.g. pins that would turn into clusters, or a close while it shows clusters): once per burst, after a random delay
 * in [MIN, MIN + SPREAD) ms, so that a thousand open maps spread their refetches over most of a second instead of
 * asking in the same millisecond. `boxesMeet` tells whether a batch of new jobs can touch a map's view at all. The map
 * (src/components/map/use-board-live.ts) and `npm run bench:realtime`'s simulated maps both use it.
 */
export const BOARD_REFETCH_MIN_MS = 200;
export const BOARD_REFETCH_SPREAD_MS = 800;

export function boardRefetchDelayMs(random = Math.random()): number {
  return BOARD_REFETCH_MIN_MS + random * BOARD_REFETCH_SPREAD_MS;
}

type Box = { south: number; west: number; north: number; east: number };

/** Whether two lat/lng boxes overlap (either may cross the antimeridian, west > east). */
export function boxesMeet(a: Box, b: Box): boolean {
  if (a.north < b.south || b.north < a.south) return false;
  const spans = (box: Box): [number, number][] => (box.west <= box.east ? [[box.west, box.east]] : [[box.west, 180], [-180, box.east]]);
  return spans(a).some(([w1, e1]) => spans(b).some(([w2, e2]) => w1 <= e2 && w2 <= e1));
}
