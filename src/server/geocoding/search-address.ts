/**
 * The post form's address search. Answers are cached in Redis for a week (the public Nominatim policy requires
 * caching, and a yard does not move), keyed on the normalised query and the provider, so a customer retyping an
 * address asks the provider once. A provider that fails or is slow answers "no results": the pin stays with the
 * customer, who can always place it by hand.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { getRedis, redisKey } from "@/server/redis";
import { logger } from "@/server/logger";
import { geocodeResultSchema, type Geocoder } from "./geocoder";

const CACHE_SECONDS = 7 * 24 * 3600;

export const addressSearchSchema = z.object({ enabled: z.boolean(), results: z.array(geocodeResultSchema) });
export type AddressSearch = z.infer<typeof addressSearchSchema>;

export async function searchAddress(geocoder: Geocoder | null, rawQuery: string, cacheScope = "default"): Promise<AddressSearch> {
  if (!geocoder) return { enabled: false, results: [] };
  const query = rawQuery.trim().replace(/\s+/g, " ").toLowerCase();
  const key = redisKey("geocode", cacheScope, crypto.createHash("sha256").update(query).digest("hex"));
  const redis = getRedis();
  const cached = await redis.get(key).catch(() => null);
  if (cached) return { enabled: true, results: z.array(geocodeResultSchema).parse(JSON.parse(cached)) };
  try {
    const results = await geocoder.search(query);
    await redis.set(key, JSON.stringify(results), "EX", CACHE_SECONDS).catch(() => undefined);
    return { enabled: true, results };
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "address search failed");
    return { enabled: true, results: [] };
  }
}
