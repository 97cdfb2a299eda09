/**
 * A Nominatim-compatible `/search` API (OpenStreetMap's Nominatim, a self-hosted one, LocationIQ): `q`, `format`,
 * `limit`, `countrycodes`, and the provider's key as `key` when there is one. Answers are validated; coordinates
 * arrive as strings.
 */
import { z } from "zod";
import type { Geocoder, GeocodeResult } from "./geocoder";

const answerSchema = z.array(z.object({ display_name: z.string(), lat: z.coerce.number(), lon: z.coerce.number() }));

/** Nominatim's policy asks every application to say who it is. */
const USER_AGENT = "Scoop/1.0 (dog-waste yard cleanups)";
const RESULTS = 5;

export function nominatimGeocoder(opts: { url: string; apiKey?: string; countryCodes: string; timeoutMs: number }): Geocoder {
  return {
    async search(query: string): Promise<GeocodeResult[]> {
      const url = new URL(opts.url);
      url.searchParams.set("q", query);
      url.searchParams.set("format", "json");
      url.searchParams.set("limit", String(RESULTS));
      url.searchParams.set("countrycodes", opts.countryCodes);
      if (opts.apiKey) url.searchParams.set("key", opts.apiKey);
      const res = await fetch(url, { headers: { "user-agent": USER_AGENT, accept: "application/json" }, signal: AbortSignal.timeout(opts.timeoutMs) });
      // LocationIQ answers "no match" with 404; Nominatim with an empty list.
      if (res.status === 404) return [];
      if (!res.ok) throw new Error(`geocoder answered ${res.status}`);
      return answerSchema
        .parse(await res.json())
        .filter((r) => Math.abs(r.lat) <= 90 && Math.abs(r.lon) <= 180)
        .map((r) => ({ label: r.display_name, lat: r.lat, lng: r.lon }));
    },
  };
}
