/**
 * What the board map draws for a viewport: the pins themselves when few jobs match (the board's SQL, exact and
 * sorted), otherwise clusters from the process's in-memory index (board-index.ts) that cover every matching job.
 */
import { z } from "zod";
import type { Tx } from "@/server/db";
import { CLUSTER_MAX_ZOOM, boardIndex } from "./board-index";
import type { BoardView } from "./dto";
import { boardQuerySchema, listOpenJobsInViewport } from "./list-open-jobs";

// The browser applies live events with the same limits (src/lib/board-limits.ts).
import { PIN_THRESHOLD } from "@/lib/board-limits";
export { PIN_THRESHOLD };

export const boardViewQuerySchema = boardQuerySchema.omit({ limit: true, postedWithinMinutes: true }).extend({
  /** The map's zoom (Leaflet's): clusters are cut for it; above CLUSTER_MAX_ZOOM the map always gets pins. */
  zoom: z.number().min(0).max(22),
  /** The board offers "posted in the last hour" only, which the index keeps exactly. */
  postedWithinMinutes: z.literal(60).optional(),
});
export type BoardViewQuery = z.input<typeof boardViewQuerySchema>;

export async function boardView(db: Tx, query: BoardViewQuery, viewerId: string | null = null): Promise<BoardView> {
  const q = boardViewQuerySchema.parse(query);
  const pins = async (): Promise<BoardView> => ({ kind: "pins", ...(await listOpenJobsInViewport(db, q, viewerId)) });
  if (q.zoom > CLUSTER_MAX_ZOOM) return pins();
  const index = (await boardIndex(db)).current;
  const { clusters, total } = index.clusters(
    { bounds: q.bounds, zoom: q.zoom, types: q.types, pileEstimates: q.pileEstimates, minPriceCents: q.minPriceCents, lastHour: q.postedWithinMinutes === 60 },
    viewerId,
  );
  if (total <= PIN_THRESHOLD) return pins();
  return { kind: "clusters", clusters, total, indexBuiltAt: new Date(index.builtAt) };
}
