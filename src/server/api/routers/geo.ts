import { z } from "zod";
import { env } from "@/env";
import { JOB_ADDRESS_MAX } from "@/lib/schemas/jobs";
import { getGeocoder } from "@/server/geocoding/geocoder";
import { addressSearchSchema, searchAddress } from "@/server/geocoding/search-address";
import { createTRPCRouter, customerProcedure, rateLimited } from "../trpc";

export const geoRouter = createTRPCRouter({
  /** The post and recurring forms move the pin to the typed address; only customers post, so only they search. */
  search: customerProcedure
    .use(rateLimited("geocode", () => env.RATE_LIMIT_GEOCODE, "addressSearches"))
    .input(z.object({ query: z.string().trim().min(3).max(JOB_ADDRESS_MAX) }))
    .output(addressSearchSchema)
    .query(({ input }) => searchAddress(getGeocoder(), input.query, env.GEOCODER_URL ?? "public")),
});
