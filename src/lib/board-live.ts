/**
 * How a board map applies a "job opened" event to an answer it already holds, instead of asking the server again:
 * a new pin goes into a pins answer at its place in the answer's order when it matches the answer's query (bounds,
 * filters, not expired), and into a clusters answer by adding it to the cluster whose cell holds it. When that
 * cannot give exactly what the server would answer (the pins would turn into clusters, or the pin opens a cell
 * with no cluster yet), the result is "refetch" and the map asks for that one view.
 *
 * Every rule mirrors the server's (src/server/jobs/list-open-jobs.ts, board-view.ts, board-index.ts); the event's
 * job is already the board's public shape (approximate pin, street only), so the order by distance uses the same
 * point the SQL does. Pure and isomorphic: the map (src/components/map/use-board-live.ts) and
 * `npm run bench:realtime`'s simulated maps both use it.
 */
import type { Bounds } from "@/lib/geo";
import type { BoardJob } from "@/lib/schemas/board";
import { CLUSTER_MAX_ZOOM, MAX_BOARD_PINS, PIN_THRESHOLD, PRICE_STEP_CENTS } from "./board-limits";

/** The part of a `jobs.board` / `jobs.openInViewport` input that decides which pins an answer holds, and in what order. */
export type BoardQueryLike = {
  bounds: Bounds;
  zoom?: number;
  limit?: number;
  types?: readonly string[];
  pileEstimates?: readonly string[];
  minPriceCents?: number;
  postedWithinMinutes?: number;
  sort?: "newest" | "price" | "distance";
  from?: { lat: number; lng: number };
};

export type PinList<J extends BoardJob = BoardJob> = { jobs: J[]; truncated: boolean };
type Box = { south: number; west: number; north: number; east: number };
type ClusterLike = { lat: number; lng: number; count: number; minPriceCents: number; maxPriceCents: number; bounds: Box };
export type BoardViewLike = ({ kind: "pins" } & PinList) | { kind: "clusters"; clusters: ClusterLike[]; total: number };

export const REFETCH = "refetch" as const;

export function insideBounds(b: Box, p: { lat: number; lng: number }): boolean {
  if (p.lat < b.south || p.lat > b.north) return false;
  return b.west <= b.east ? p.lng >= b.west && p.lng <= b.east : p.lng >= b.west || p.lng <= b.east;
}

/** The board SQL's filters (status OPEN is the event's own meaning). `priceStep`: cluster answers' $5 steps. */
export function pinMatches(job: BoardJob, q: BoardQueryLike, now: number, priceStep = 1): boolean {
  if (job.expiresAt.getTime() <= now) return false;
  if (q.types?.length && !q.types.includes(job.type)) return false;
  // SQL's `"pileEstimate"::text IN (…)` never matches a job without an estimate.
  if (q.pileEstimates?.length && (job.pileEstimate === null || !q.pileEstimates.includes(job.pileEstimate))) return false;
  if (q.minPriceCents && job.priceCents < Math.floor(q.minPriceCents / priceStep) * priceStep) return false;
  if (q.postedWithinMinutes && job.createdAt.getTime() < now - q.postedWithinMinutes * 60_000) return false;
  return true;
}

/** The board SQL's ORDER BY as a comparator: negative when `a` comes first. */
function comparator(q: BoardQueryLike): (a: BoardJob, b: BoardJob) => number {
  const newest = (a: BoardJob, b: BoardJob) => b.createdAt.getTime() - a.createdAt.getTime();
  if (q.sort === "price") return (a, b) => b.priceCents - a.priceCents || newest(a, b);
  if (q.sort !== "distance") return newest;
  const bnd = q.bounds;
  const from = q.from ?? { lat: (bnd.south + bnd.north) / 2, lng: bnd.west <= bnd.east ? (bnd.west + bnd.east) / 2 : bnd.west };
  const cos2 = Math.cos((from.lat * Math.PI) / 180) ** 2;
  const d = (j: BoardJob) => (j.lat - from.lat) ** 2 + (j.lng - from.lng) ** 2 * cos2;
  return (a, b) => d(a) - d(b) || newest(a, b);
}

/**
 * `list` with `job` in its place (replacing an earlier copy of the same job), cut to `limit` as the server cuts.
 * Returns `list` itself when the job does not belong in it.
 */
export function insertPin<J extends BoardJob>(list: PinList<J>, job: J, q: BoardQueryLike, now: number): PinList<J> {
  const limit = Math.min(q.limit ?? MAX_BOARD_PINS, MAX_BOARD_PINS);
  const others = list.jobs.filter((j) => j.id !== job.id);
  if (!insideBounds(q.bounds, job) || !pinMatches(job, q, now)) return others.length === list.jobs.length ? list : { ...list, jobs: others };
  const before = comparator(q);
  let at = others.findIndex((j) => before(job, j) < 0);
  if (at < 0) at = others.length;
  // A cut answer holds the first `limit` matches: a job after all of them is not among them.
  if (list.truncated && at >= limit) return others.length === list.jobs.length ? list : { ...list, jobs: others };
  const jobs = [...others.slice(0, at), job, ...others.slice(at)];
  if (jobs.length > limit) return { jobs: jobs.slice(0, limit), truncated: true };
  return { ...list, jobs };
}

/** A clusters answer with `job` counted in the cluster whose cell holds it; "refetch" when no cluster holds it yet. */
function addToClusters<V extends Extract<BoardViewLike, { kind: "clusters" }>>(view: V, job: BoardJob, q: BoardQueryLike, now: number): V | typeof REFETCH {
  if (!pinMatches(job, q, now, PRICE_STEP_CENTS)) return view;
  const at = view.clusters.findIndex((c) => insideBounds(c.bounds, job));
  if (at < 0) return insideBounds(q.bounds, job) ? REFETCH : view;
  const old = view.clusters[at]!;
  const count = old.count + 1;
  const cluster = {
    ...old,
    count,
    // A cluster's centre is the mean of its jobs' public positions.
    lat: (old.lat * old.count + job.lat) / count,
    lng: (old.lng * old.count + job.lng) / count,
    minPriceCents: Math.min(old.minPriceCents, job.priceCents),
    maxPriceCents: Math.max(old.maxPriceCents, job.priceCents),
  };
  return { ...view, clusters: view.clusters.map((c, i) => (i === at ? cluster : c)), total: view.total + 1 };
}

/**
 * A `jobs.board` answer after `jobs` opened, or "refetch" when only the server can say. A clusters answer cannot tell
 * a job it already counts: the one job announced twice while open (a reserved job opening to everyone) is counted
 * twice on its preferred scooper's zoomed-out map until that view is next fetched.
 */
export function applyOpenedToView<V extends BoardViewLike>(view: V, jobs: BoardJob[], q: BoardQueryLike, now = Date.now()): V | typeof REFETCH {
  let next: V = view;
  for (const job of jobs) {
    if (next.kind === "pins") {
      const pins = insertPin(next, job, q, now);
      // At cluster zooms, more pins than the threshold would be answered as clusters.
      if ((q.zoom ?? Infinity) <= CLUSTER_MAX_ZOOM && pins.jobs.length > PIN_THRESHOLD) return REFETCH;
      next = pins === next ? next : ({ ...next, ...pins } as V);
    } else {
      const clusters = addToClusters(next as Extract<BoardViewLike, { kind: "clusters" }>, job, q, now);
      if (clusters === REFETCH) return REFETCH;
      next = clusters as V;
    }
  }
  return next;
}

/** A `jobs.openInViewport` answer after `jobs` opened (always exact: a plain list). */
export function applyOpenedToList<L extends PinList>(list: L, jobs: BoardJob[], q: BoardQueryLike, now = Date.now()): L {
  let next: L = list;
  for (const job of jobs) next = insertPin(next, job, q, now) as L;
  return next;
}
