/**
 * The map's defaults, in one place for src/env.js (which validates the settings at build time) and the browser's
 * maps (src/components/map/map-settings.ts), which read the inlined values without `@/env` and the zod it brings.
 */
/** OpenStreetMap's public tiles: development only, their usage policy forbids an app's production traffic. */
export const DEFAULT_MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const DEFAULT_MAP_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
