/** Address search: the provider interface against a local fake Nominatim-compatible server, and the API's rules. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createUser, uniqueIpHeaders } from "@/test/factories";
import { startFakeHttpServer } from "@/test/fake-http-server";
import { geocoderFrom } from "./geocoder";
import { searchAddress } from "./search-address";

let fake: Awaited<ReturnType<typeof startFakeHttpServer>>;
beforeAll(async () => {
  fake = await startFakeHttpServer((req) => {
    const q = new URL(req.url, "http://x").searchParams.get("q") ?? "";
    if (q.includes("slow")) return { status: 200, json: [] };
    if (q.includes("nowhere")) return { status: 404, json: { error: "Unable to geocode" } };
    if (q.includes("broken")) return { status: 500, json: { error: "down" } };
    return { status: 200, json: [{ display_name: "12 Elm Street, Brooklyn, NY", lat: "40.6712345", lon: "-73.9512345", importance: 0.5 }] };
  });
});
afterAll(() => fake.close());

const settings = { countryCodes: "us,ca", timeoutMs: 1500, nodeEnv: "production" };

describe("geocoding", () => {
  it("is off without a configured URL outside development, and with 'none' anywhere", () => {
    expect(geocoderFrom({ ...settings })).toBeNull();
    expect(geocoderFrom({ ...settings, nodeEnv: "test" })).toBeNull();
    expect(geocoderFrom({ ...settings, nodeEnv: "development", url: "none" })).toBeNull();
    expect(geocoderFrom({ ...settings, nodeEnv: "development" })).not.toBeNull();
  });

  it("asks a Nominatim-compatible server with the key and countries set, and caches the answer", async () => {
    const geocoder = geocoderFrom({ ...settings, url: `${fake.url}/v1/search`, apiKey: "k-123" });
    const scope = `test-${Date.now()}`;
    const first = await searchAddress(geocoder, "  12 Elm   Street Brooklyn ", scope);
    expect(first).toEqual({ enabled: true, results: [{ label: "12 Elm Street, Brooklyn, NY", lat: 40.6712345, lng: -73.9512345 }] });
    const asked = new URL(fake.requests.at(-1)!.url, "http://x");
    expect(asked.pathname).toBe("/v1/search");
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({ q: "12 elm street brooklyn", key: "k-123", countrycodes: "us,ca", format: "json" });
    expect(fake.requests.at(-1)!.headers["user-agent"]).toMatch(/^Scoop\//);

    const before = fake.requests.length;
    expect(await searchAddress(geocoder, "12 elm street BROOKLYN", scope)).toEqual(first);
    expect(fake.requests.length).toBe(before);
  });

  it("answers no results when nothing matches or the provider fails, never an error", async () => {
    const geocoder = geocoderFrom({ ...settings, url: `${fake.url}/search` });
    const scope = `test-${Date.now()}`;
    expect(await searchAddress(geocoder, "1 nowhere lane", scope)).toEqual({ enabled: true, results: [] });
    expect(await searchAddress(geocoder, "1 broken road", scope)).toEqual({ enabled: true, results: [] });
    expect(await searchAddress(null, "1 anything", scope)).toEqual({ enabled: false, results: [] });
  });

  it("lets customers search (off in tests without a URL) and refuses scoopers and visitors", async () => {
    const customer = callerFor(await createUser(["CUSTOMER"]), uniqueIpHeaders());
    expect(await customer.geo.search({ query: "12 Elm Street" })).toEqual({ enabled: false, results: [] });
    await expect(customer.geo.search({ query: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const scooper = callerFor(await createUser(["SCOOPER"]), uniqueIpHeaders());
    await expect(scooper.geo.search({ query: "12 Elm Street" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null, uniqueIpHeaders()).geo.search({ query: "12 Elm Street" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
