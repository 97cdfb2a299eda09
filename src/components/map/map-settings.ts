/**
 * The map's tile template and attribution in the browser. Read from process.env (Next inlines NEXT_PUBLIC_ values
 * at build time) rather than `@/env`: that module brings zod and the whole env schema (~30 kB compressed) to the
 * map's chunk (issue 16's byte budgets). src/env.js validated both at build time, with the same defaults.
 */
import { DEFAULT_MAP_ATTRIBUTION, DEFAULT_MAP_TILE_URL } from "@/lib/map-defaults.js";

// eslint-disable-next-line no-restricted-properties -- see above: `@/env` would bring zod to the map
export const MAP_TILE_URL = process.env.NEXT_PUBLIC_MAP_TILE_URL || DEFAULT_MAP_TILE_URL;
// eslint-disable-next-line no-restricted-properties -- see above
export const MAP_ATTRIBUTION = process.env.NEXT_PUBLIC_MAP_ATTRIBUTION || DEFAULT_MAP_ATTRIBUTION;
