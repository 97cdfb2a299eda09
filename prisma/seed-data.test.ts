import { describe, expect, it } from "vitest";
import { SEED_JOBS } from "./seed-data";

const BOROUGHS = ["Manhattan", "Brooklyn", "Bronx", "Queens"];

describe("seed data", () => {
  it("has 32 valid open jobs across Manhattan, Brooklyn, the Bronx and Queens", () => {
    expect(SEED_JOBS).toHaveLength(32);
    for (const borough of BOROUGHS) expect(SEED_JOBS.filter((j) => j.address.endsWith(borough)).length).toBe(8);
    for (const job of SEED_JOBS) {
      expect(job.priceCents).toBeGreaterThanOrEqual(1200);
      expect(job.priceCents).toBeLessThanOrEqual(2400);
      // New York City's bounding box.
      expect(job.lat).toBeGreaterThan(40.49);
      expect(job.lat).toBeLessThan(40.92);
      expect(job.lng).toBeGreaterThan(-74.26);
      expect(job.lng).toBeLessThan(-73.7);
      expect(job.yardSegments.length).toBeGreaterThan(0);
      if (job.type !== "LITTER") expect(job.pileEstimate).not.toBeNull();
      if (job.type !== "POOP") expect(job.litterLevel).not.toBeNull();
    }
  });
});
