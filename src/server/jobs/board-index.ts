/**
 * The board's city-wide clusters: an in-memory index of every OPEN job, one per web process, answering "how many
 * matching jobs, where, at what prices" for any viewport without touching the database.
 *
 * Shape: a grid pyramid. For each zoom 0…CLUSTER_MAX_ZOOM the world is cut into cells of 128 screen pixels; each
 * cell keeps, per bucket (type × pile estimate × $5 price step), the count, the sum of positions (for the centre)
 * and the lowest and highest price. A query sums the buckets the filters allow in the cells the viewport covers:
 * its cost is cells × buckets, whatever the number of jobs. Jobs posted in the last hour are also kept in a second
 * pyramid that ages them out as the hour passes, so "posted in the last hour" is exact too.
 *
 * Kept current from the board events the process already receives (job.opened adds or moves a job, jobs.batch-opened adds a batch of them, job.closed
 * removes it) and rebuilt from the database in the background every BOARD_INDEX_REBUILD_SECONDS (at most a minute,
 * so it is never older than that after a missed event), at once after a real-time gap (`resync`) or an event type it does not know.
 * Jobs reserved for a preferred scooper are kept aside and added only to that scooper's answers.
 *
 * Exactness: type and pile filters, the hour and the minimum price are exact (the board's minimum price is a whole
 * number of $5 steps, which the query schema enforces). Positions are the public approximate points (src/lib/privacy.ts).
 * A cell's price range can keep a price that left it until the next rebuild (only the range, never the count).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { BOARD_CHANNEL } from "@/server/realtime/events";
import { listen } from "@/server/realtime/hub";
import { approximatePoint } from "@/lib/privacy";
import type { Bounds } from "@/lib/geo";
import { MAX_PRICE_CENTS } from "@/lib/schemas/jobs";

import { env } from "@/env";
import { CLUSTER_MAX_ZOOM, PRICE_STEP_CENTS } from "@/lib/board-limits";
export { CLUSTER_MAX_ZOOM, PRICE_STEP_CENTS };
/** Cells are 2^CELL_SHIFT times smaller than a 256 px tile: 128 px, room for one bubble and its price range. */
const CELL_SHIFT = 1;
const PRICE_STEPS = Math.floor(MAX_PRICE_CENTS / PRICE_STEP_CENTS) + 1;
const TYPES = ["POOP", "LITTER", "BOTH"] as const;
const PILES = [null, "PILES_1_3", "PILES_4_8", "PILES_9_PLUS"] as const;
const BUCKETS = TYPES.length * PILES.length * PRICE_STEPS;
const RECENT_MS = 60 * 60_000;
const BATCH = 5_000;

type CleanupTypeName = (typeof TYPES)[number];
type PileName = Exclude<(typeof PILES)[number], null>;

type Entry = {
  id: string;
  lat: number;
  lng: number;
  /** Web Mercator position in [0, 1). */
  mx: number;
  my: number;
  priceCents: number;
  bucket: number;
  createdAt: number;
  expiresAt: number;
  onlyFor: string | null;
  inRecent: boolean;
};

/** What the index needs of a job: a board event's job or a row of the rebuild query. */
export type IndexedJob = {
  id: string;
  lat: number;
  lng: number;
  priceCents: number;
  type: string;
  pileEstimate: string | null;
  createdAt: Date;
  expiresAt: Date;
};

export type Cluster = {
  lat: number;
  lng: number;
  count: number;
  minPriceCents: number;
  maxPriceCents: number;
  /** The cell the cluster stands for: clicking it zooms the map to these bounds. */
  bounds: Bounds;
};

export type ClusterQuery = {
  bounds: Bounds;
  zoom: number;
  types?: readonly CleanupTypeName[];
  pileEstimates?: readonly PileName[];
  minPriceCents?: number;
  lastHour?: boolean;
};

class Agg {
  n = 0;
  lat = 0;
  lng = 0;
  min = Infinity;
  max = -Infinity;
}

const clampLat = (lat: number) => Math.max(-85.05112878, Math.min(85.05112878, lat));
const mercX = (lng: number) => (lng + 180) / 360;
function mercY(lat: number): number {
  const r = (clampLat(lat) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
const cellsAt = (zoom: number) => 2 ** (zoom + CELL_SHIFT);
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function bucketOf(type: string, pile: string | null, priceCents: number): number {
  const t = Math.max(0, TYPES.indexOf(type as CleanupTypeName));
  const p = Math.max(0, PILES.indexOf(pile as PileName));
  const step = Math.min(PRICE_STEPS - 1, Math.max(0, Math.floor(priceCents / PRICE_STEP_CENTS)));
  return (t * PILES.length + p) * PRICE_STEPS + step;
}

/** Which buckets a filter lets through. */
function allowedBuckets(q: ClusterQuery): Uint8Array {
  const allowed = new Uint8Array(BUCKETS);
  const minStep = Math.min(PRICE_STEPS - 1, Math.floor((q.minPriceCents ?? 0) / PRICE_STEP_CENTS));
  TYPES.forEach((type, t) => {
    if (q.types?.length && !q.types.includes(type)) return;
    PILES.forEach((pile, p) => {
      if (q.pileEstimates?.length && (pile === null || !q.pileEstimates.includes(pile))) return;
      for (let s = minStep; s < PRICE_STEPS; s++) allowed[(t * PILES.length + p) * PRICE_STEPS + s] = 1;
    });
  });
  return allowed;
}

/** Per zoom level: cell key → bucket → aggregate. */
class Pyramid {
  readonly levels: Map<number, Map<number, Agg>>[] = Array.from({ length: CLUSTER_MAX_ZOOM + 1 }, () => new Map());

  add(e: Entry, sign: 1 | -1, fromZoom = 0): void {
    for (let z = fromZoom; z <= CLUSTER_MAX_ZOOM; z++) {
      const n = cellsAt(z);
      const key = Math.floor(e.my * n) * n + Math.floor(e.mx * n);
      const cells = this.levels[z]!;
      let cell = cells.get(key);
      if (!cell) {
        if (sign < 0) continue;
        cells.set(key, (cell = new Map()));
      }
      let agg = cell.get(e.bucket);
      if (!agg) {
        if (sign < 0) continue;
        cell.set(e.bucket, (agg = new Agg()));
      }
      agg.n += sign;
      if (agg.n <= 0) {
        cell.delete(e.bucket);
        if (cell.size === 0) cells.delete(key);
        continue;
      }
      agg.lat += sign * e.lat;
      agg.lng += sign * e.lng;
      if (sign > 0) {
        if (e.priceCents < agg.min) agg.min = e.priceCents;
        if (e.priceCents > agg.max) agg.max = e.priceCents;
      }
    }
  }

  /** After a bulk load into the finest level only: every coarser level from the one below it (cells, not jobs). */
  buildCoarserLevels(): void {
    for (let z = CLUSTER_MAX_ZOOM - 1; z >= 0; z--) {
      const fine = this.levels[z + 1]!;
      const coarse = this.levels[z]!;
      const nFine = cellsAt(z + 1);
      const n = cellsAt(z);
      for (const [key, cell] of fine) {
        const y = Math.floor(key / nFine);
        const parentKey = Math.floor(y / 2) * n + Math.floor((key - y * nFine) / 2);
        let parent = coarse.get(parentKey);
        if (!parent) coarse.set(parentKey, (parent = new Map()));
        for (const [bucket, agg] of cell) {
          let into = parent.get(bucket);
          if (!into) parent.set(bucket, (into = new Agg()));
          into.n += agg.n;
          into.lat += agg.lat;
          into.lng += agg.lng;
          if (agg.min < into.min) into.min = agg.min;
          if (agg.max > into.max) into.max = agg.max;
        }
      }
    }
  }
}

export class BoardIndex {
  private entries = new Map<string, Entry>();
  private all = new Pyramid();
  private recent = new Pyramid();
  /** Entries in the recent pyramid, oldest first (entries removed since are skipped when they come up). */
  private recentQueue: Entry[] = [];
  /** Jobs inside a preferred scooper's window, by that scooper: never in the pyramids. */
  private reserved = new Map<string, Map<string, Entry>>();
  builtAt = Date.now();

  get size(): number {
    return this.entries.size;
  }

  /** Bulk loading (a rebuild) fills the finest level only, then `finishLoad` derives the rest. */
  private loading = false;

  startLoad(): void {
    this.loading = true;
  }

  finishLoad(): void {
    this.loading = false;
    this.all.buildCoarserLevels();
    this.recent.buildCoarserLevels();
  }

  upsert(job: IndexedJob, onlyFor: string | null, now = Date.now()): void {
    this.remove(job.id);
    const fromZoom = this.loading ? CLUSTER_MAX_ZOOM : 0;
    // Rows from the database carry the exact position; events carry the public one. Both end on the same point.
    const { lat, lng } = approximatePoint(job);
    const e: Entry = {
      id: job.id,
      lat,
      lng,
      mx: mercX(lng),
      my: mercY(lat),
      priceCents: job.priceCents,
      bucket: bucketOf(job.type, job.pileEstimate, job.priceCents),
      createdAt: job.createdAt.getTime(),
      expiresAt: job.expiresAt.getTime(),
      onlyFor,
      inRecent: false,
    };
    this.entries.set(e.id, e);
    if (onlyFor) {
      let mine = this.reserved.get(onlyFor);
      if (!mine) this.reserved.set(onlyFor, (mine = new Map()));
      mine.set(e.id, e);
      return;
    }
    this.all.add(e, 1, fromZoom);
    if (e.createdAt >= now - RECENT_MS) {
      e.inRecent = true;
      this.recent.add(e, 1, fromZoom);
      // Usually the newest: appended. A re-opened older job goes to its place.
      const q = this.recentQueue;
      let i = q.length;
      while (i > 0 && q[i - 1]!.createdAt > e.createdAt) i--;
      q.splice(i, 0, e);
    }
  }

  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    if (e.onlyFor) {
      const mine = this.reserved.get(e.onlyFor);
      mine?.delete(id);
      if (mine?.size === 0) this.reserved.delete(e.onlyFor);
      return;
    }
    this.all.add(e, -1);
    if (e.inRecent) {
      e.inRecent = false;
      this.recent.add(e, -1);
    }
  }

  /** Moves jobs older than an hour out of the recent pyramid. */
  private ageOut(now: number): void {
    const q = this.recentQueue;
    let i = 0;
    while (i < q.length && (q[i]!.createdAt < now - RECENT_MS || !q[i]!.inRecent)) {
      const e = q[i]!;
      if (e.inRecent) {
        e.inRecent = false;
        this.recent.add(e, -1);
      }
      i++;
    }
    if (i > 0) q.splice(0, i);
  }

  clusters(query: ClusterQuery, viewerId: string | null, now = Date.now()): { clusters: Cluster[]; total: number } {
    this.ageOut(now);
    const z = Math.max(0, Math.min(CLUSTER_MAX_ZOOM, Math.floor(query.zoom)));
    const n = cellsAt(z);
    const allowed = allowedBuckets(query);
    const cells = (query.lastHour ? this.recent : this.all).levels[z]!;
    const b = query.bounds;
    const cellIndex = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
    const [y0, y1] = [cellIndex(mercY(b.north)), cellIndex(mercY(b.south))];
    const [x0, x1] = [cellIndex(mercX(b.west)), cellIndex(mercX(b.east))];
    // West beyond east: the viewport crosses the antimeridian.
    const xRanges: [number, number][] = b.west <= b.east ? [[x0, x1]] : [[x0, n - 1], [0, x1]];
    const inX = (x: number) => xRanges.some(([a, c]) => x >= a && x <= c);

    const sums = new Map<number, Agg>();
    const addCell = (key: number, cell: Map<number, Agg>) => {
      let out: Agg | undefined;
      for (const [bucket, agg] of cell) {
        if (!allowed[bucket]) continue;
        if (!out) out = sums.get(key) ?? new Agg();
        out.n += agg.n;
        out.lat += agg.lat;
        out.lng += agg.lng;
        if (agg.min < out.min) out.min = agg.min;
        if (agg.max > out.max) out.max = agg.max;
      }
      if (out) sums.set(key, out);
    };
    const width = xRanges.reduce((s, [a, c]) => s + c - a + 1, 0);
    if (width * (y1 - y0 + 1) > cells.size) {
      // A viewport with more cells than the level holds: walk the level instead.
      for (const [key, cell] of cells) {
        const y = Math.floor(key / n);
        if (y >= y0 && y <= y1 && inX(key - y * n)) addCell(key, cell);
      }
    } else {
      for (let y = y0; y <= y1; y++) {
        for (const [a, c] of xRanges) {
          for (let x = a; x <= c; x++) {
            const cell = cells.get(y * n + x);
            if (cell) addCell(y * n + x, cell);
          }
        }
      }
    }

    // The viewer's own reserved jobs, filtered the same way.
    for (const e of viewerId ? (this.reserved.get(viewerId)?.values() ?? []) : []) {
      if (!allowed[e.bucket] || e.expiresAt <= now || (query.lastHour && e.createdAt < now - RECENT_MS)) continue;
      const [x, y] = [Math.floor(e.mx * n), Math.floor(e.my * n)];
      if (y < y0 || y > y1 || !inX(x)) continue;
      const key = y * n + x;
      let out = sums.get(key);
      if (!out) sums.set(key, (out = new Agg()));
      out.n++;
      out.lat += e.lat;
      out.lng += e.lng;
      out.min = Math.min(out.min, e.priceCents);
      out.max = Math.max(out.max, e.priceCents);
    }

    const clusters: Cluster[] = [];
    let total = 0;
    for (const [key, agg] of sums) {
      const y = Math.floor(key / n);
      const x = key - y * n;
      total += agg.n;
      clusters.push({
        lat: round6(agg.lat / agg.n),
        lng: round6(agg.lng / agg.n),
        count: agg.n,
        minPriceCents: agg.min,
        maxPriceCents: agg.max,
        bounds: { south: round6(latOf((y + 1) / n)), north: round6(latOf(y / n)), west: round6(lngOf(x / n)), east: round6(lngOf((x + 1) / n)) },
      });
    }
    return { clusters, total };
  }
}

type BoardEventData = { type: string; job?: IndexedJob; jobs?: IndexedJob[]; onlyFor?: string | null; jobId?: string };

/** A process's index: follows the board channel, rebuilds in the background, swaps in each rebuilt copy. */
class LiveBoardIndex {
  current = new BoardIndex();
  ready: Promise<void>;
  private building: { events: BoardEventData[] } | null = null;
  private rebuildTimer: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  private stop = new AbortController();

  constructor(private db: Tx) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    // Listen first, build second: an event published during the build is applied to the new copy afterwards.
    const events = await listen(BOARD_CHANNEL, this.stop.signal);
    void (async () => {
      for await (const event of events) this.apply(event.data as BoardEventData);
    })().catch((err) => logger.error({ err }, "board index stopped following the board"));
    await this.rebuild({ throwOnError: true });
    this.rebuildTimer = setInterval(() => void this.rebuild(), env.BOARD_INDEX_REBUILD_SECONDS * 1000);
    this.rebuildTimer.unref();
  }

  private apply(data: BoardEventData): void {
    this.building?.events.push(data);
    applyEvent(this.current, data, () => this.rebuildSoon());
  }

  /** After a gap or an event it cannot read: rebuild within a second (several such events make one rebuild). */
  private rebuildSoon(): void {
    if (this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      void this.rebuild();
    }, 1_000);
    this.soonTimer.unref();
  }

  async rebuild(opts: { throwOnError?: boolean } = {}): Promise<void> {
    if (this.building) return;
    const building = (this.building = { events: [] as BoardEventData[] });
    try {
      const next = new BoardIndex();
      const started = Date.now();
      next.startLoad();
      await loadOpenJobs(this.db, new Date(started), (job, onlyFor) => next.upsert(job, onlyFor, started));
      next.finishLoad();
      for (const data of building.events) applyEvent(next, data, () => undefined);
      next.builtAt = started;
      this.current = next;
      logger.debug({ jobs: next.size, ms: Date.now() - started }, "board index rebuilt");
    } catch (err) {
      if (opts.throwOnError) throw err;
      logger.error({ err }, "rebuilding the board index failed; keeping the previous one");
    } finally {
      this.building = null;
    }
  }

  close(): void {
    this.stop.abort();
    if (this.rebuildTimer) clearInterval(this.rebuildTimer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
  }
}

function applyEvent(index: BoardIndex, data: BoardEventData, unknown: () => void): void {
  if (data.type === "job.opened" && data.job) index.upsert(data.job, data.onlyFor ?? null);
  else if (data.type === "jobs.batch-opened" && data.jobs) for (const job of data.jobs) index.upsert(job, null);
  else if (data.type === "job.closed" && data.jobId) index.remove(data.jobId);
  else unknown();
}

/** Every OPEN, unexpired job, in batches on the (status, createdAt) index so the event loop breathes between them. */
async function loadOpenJobs(db: Tx, now: Date, add: (job: IndexedJob, onlyFor: string | null) => void): Promise<void> {
  type Row = IndexedJob & { exclusiveScooperId: string | null; exclusiveUntil: Date | null };
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT id, lat, lng, "priceCents", type::text AS type, "pileEstimate"::text AS "pileEstimate", "createdAt", "expiresAt",
             "exclusiveScooperId", "exclusiveUntil"
      FROM "CleanupJob"
      WHERE status = 'OPEN' AND "expiresAt" > ${now}
        ${after ? Prisma.sql`AND ("createdAt", id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
      ORDER BY "createdAt", id
      LIMIT ${BATCH}`;
    for (const row of rows) add(row, row.exclusiveScooperId && row.exclusiveUntil && row.exclusiveUntil > now ? row.exclusiveScooperId : null);
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const globalForIndex = globalThis as unknown as { scoopBoardIndex?: LiveBoardIndex };

/** This process's board index, started (and built) on first use. */
export async function boardIndex(db: Tx): Promise<LiveBoardIndex> {
  let live = globalForIndex.scoopBoardIndex;
  if (!live) {
    const started = (live = globalForIndex.scoopBoardIndex = new LiveBoardIndex(db));
    // A first build that failed (database or Redis down) is not kept: the next request tries again.
    started.ready.catch(() => {
      started.close();
      if (globalForIndex.scoopBoardIndex === started) globalForIndex.scoopBoardIndex = undefined;
    });
  }
  await live.ready;
  return live;
}

export function closeBoardIndex(): void {
  globalForIndex.scoopBoardIndex?.close();
  globalForIndex.scoopBoardIndex = undefined;
}
