/**
 * The board's size limits, read by the server that answers `jobs.board` / `jobs.openInViewport` and by the browser
 * that applies live board events to its cached answers (src/lib/board-live.ts): both must cut at the same numbers.
 */

/** Most pins one board answer returns (`truncated` says more matched). */
export const MAX_BOARD_PINS = 500;
/** Up to this many matching jobs in view (at cluster zooms), the map gets pins rather than clusters. */
export const PIN_THRESHOLD = 200;
/** Above this zoom the map always gets pins. */
export const CLUSTER_MAX_ZOOM = 14;
/**
 * The board's minimum price is a whole number of these steps (the query schema refuses anything else), because
 * the cluster index counts prices by step: pins, clusters and the browser's live filter then cut at one price.
 */
export const PRICE_STEP_CENTS = 500;
/** The minimum prices the board offers, each a whole number of steps. */
export const BOARD_MIN_PRICE_CHOICES_CENTS = [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10_000, 15_000, 20_000, 30_000] as const;
