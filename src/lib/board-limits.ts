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
/** Cluster price filters apply in steps of this many cents (a minimum between steps counts from the step below). */
export const PRICE_STEP_CENTS = 500;
