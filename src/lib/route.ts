/**
 * A driving order for a scooper's stops (the Today page): nearest neighbour from where they are, then 2-opt,
 * over straight-line distance. An open path (the day ends at the last stop, not back at the start). A handful of
 * stops (the active-claim limit), so the plain O(n³) passes are instant; no library fits better than these lines.
 */
import { distanceMeters } from "./geo";

type Point = { lat: number; lng: number };

/** Metres along `order` (indexes into `stops`) starting at `start`. */
export function pathLengthMeters(start: Point, stops: readonly Point[], order: readonly number[]): number {
  let total = 0;
  let at = start;
  for (const i of order) {
    total += distanceMeters(at, stops[i]!);
    at = stops[i]!;
  }
  return total;
}

/** Always the closest unvisited stop next (ties: the earlier stop). */
export function nearestNeighbourOrder(start: Point, stops: readonly Point[]): number[] {
  const left = new Set(stops.keys());
  const order: number[] = [];
  let at = start;
  while (left.size > 0) {
    let next = -1;
    let best = Infinity;
    for (const i of left) {
      const d = distanceMeters(at, stops[i]!);
      if (d < best) [best, next] = [d, i];
    }
    order.push(next);
    left.delete(next);
    at = stops[next]!;
  }
  return order;
}

/** Reverses any stretch of the path that makes it shorter, until none does. Never longer than `order`. */
export function twoOpt(start: Point, stops: readonly Point[], order: readonly number[]): number[] {
  let best = [...order];
  let bestLength = pathLengthMeters(start, stops, best);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < best.length - 1; i++) {
      for (let k = i + 1; k < best.length; k++) {
        const candidate = [...best.slice(0, i), ...best.slice(i, k + 1).reverse(), ...best.slice(k + 1)];
        const length = pathLengthMeters(start, stops, candidate);
        // A metre's margin: floating noise never loops forever.
        if (length < bestLength - 1) [best, bestLength, improved] = [candidate, length, true];
      }
    }
  }
  return best;
}

/** The stops in driving order from `start`, each with the straight-line metres from the previous point. */
export function planRoute<S extends Point>(start: Point, stops: readonly S[]): { stop: S; legMeters: number }[] {
  const order = twoOpt(start, stops, nearestNeighbourOrder(start, stops));
  let at = start;
  return order.map((i) => {
    const stop = stops[i]!;
    const legMeters = Math.round(distanceMeters(at, stop));
    at = stop;
    return { stop, legMeters };
  });
}

/** Directions to a stop in the phone's maps app (Google's cross-platform URL: the app where installed, else the web). */
export function mapsDirectionsUrl(stop: Point): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${stop.lat.toFixed(6)},${stop.lng.toFixed(6)}&travelmode=driving`;
}
