/**
 * Address search behind one small interface, so the provider is a setting: a Nominatim-compatible HTTP API
 * (nominatim.ts) when configured, nothing otherwise. To add a provider with another API, implement `Geocoder` in
 * a file of its own and choose it in `getGeocoder`.
 */
import { z } from "zod";
import { env } from "@/env";
import { nominatimGeocoder } from "./nominatim";

export const geocodeResultSchema = z.object({ label: z.string(), lat: z.number(), lng: z.number() });
export type GeocodeResult = z.infer<typeof geocodeResultSchema>;

export interface Geocoder {
  /** Best matches first; an empty list when nothing matches. Throws when the provider cannot answer. */
  search(query: string): Promise<GeocodeResult[]>;
}

/** Development's default: OpenStreetMap's public server, for light use while building only (its usage policy). */
export const PUBLIC_NOMINATIM_URL = "https://nominatim.openstreetmap.org/search";

export type GeocoderSettings = { url?: string; apiKey?: string; countryCodes: string; timeoutMs: number; nodeEnv: string };

/** The configured geocoder, or null when address search is off (the form then leaves the pin to the customer). */
export function geocoderFrom(settings: GeocoderSettings): Geocoder | null {
  const url = settings.url ?? (settings.nodeEnv === "development" ? PUBLIC_NOMINATIM_URL : undefined);
  if (!url || url === "none") return null;
  return nominatimGeocoder({ url, apiKey: settings.apiKey, countryCodes: settings.countryCodes, timeoutMs: settings.timeoutMs });
}

export function getGeocoder(): Geocoder | null {
  return geocoderFrom({
    url: env.GEOCODER_URL,
    apiKey: env.GEOCODER_API_KEY,
    countryCodes: env.GEOCODER_COUNTRY_CODES,
    timeoutMs: env.GEOCODER_TIMEOUT_MS,
    nodeEnv: env.NODE_ENV,
  });
}
