/**
 * Demo data for development: 32 open jobs at real-looking spots across four boroughs. Pure data so tests can
 * check the seed against it. Prices are $12–$24.
 */
import type { CleanupType, LitterLevel, PileEstimate, YardSegment } from "../src/generated/prisma/enums";

type SeedJob = {
  address: string;
  lat: number;
  lng: number;
  priceCents: number;
  type: CleanupType;
  pileEstimate: PileEstimate | null;
  litterLevel: LitterLevel | null;
  yardSegments: YardSegment[];
  publicNotes: string | null;
};

// [address, lat, lng]: backyards of row houses and semi-detached homes, not landmarks.
const SPOTS: [string, number, number][] = [
  // Manhattan
  ["412 W 147th St, Manhattan", 40.8269, -73.9455],
  ["18 Hamilton Terrace, Manhattan", 40.8221, -73.9466],
  ["325 W 88th St, Manhattan", 40.7901, -73.9784],
  ["157 E 92nd St, Manhattan", 40.7831, -73.9514],
  ["61 Morton St, Manhattan", 40.7306, -74.0056],
  ["245 E 11th St, Manhattan", 40.7302, -73.9866],
  ["48 W 120th St, Manhattan", 40.8033, -73.9462],
  ["532 W 152nd St, Manhattan", 40.8303, -73.9432],
  // Brooklyn
  ["187 Prospect Pl, Brooklyn", 40.6776, -73.9710],
  ["394 5th St, Brooklyn", 40.6701, -73.9834],
  ["76 Lefferts Pl, Brooklyn", 40.6814, -73.9587],
  ["519 Halsey St, Brooklyn", 40.6843, -73.9357],
  ["1211 Dean St, Brooklyn", 40.6768, -73.9448],
  ["88 Rugby Rd, Brooklyn", 40.6436, -73.9667],
  ["2037 E 19th St, Brooklyn", 40.6012, -73.9539],
  ["461 79th St, Brooklyn", 40.6287, -74.0245],
  // The Bronx
  ["3023 Wilkinson Ave, Bronx", 40.8461, -73.8286],
  ["2215 Hone Ave, Bronx", 40.8591, -73.8606],
  ["627 Minnieford Ave, Bronx", 40.8498, -73.7875],
  ["4680 Iselin Ave, Bronx", 40.8961, -73.9130],
  ["1842 Paulding Ave, Bronx", 40.8497, -73.8534],
  ["3352 Fenton Ave, Bronx", 40.8770, -73.8559],
  ["955 Throggs Neck Expy Service Rd, Bronx", 40.8266, -73.8180],
  ["2580 Kingsbridge Terrace, Bronx", 40.8689, -73.9035],
  // Queens
  ["35-14 80th St, Queens", 40.7503, -73.8869],
  ["42-18 Judge St, Queens", 40.7429, -73.8786],
  ["71-22 Juniper Blvd N, Queens", 40.7191, -73.8789],
  ["195-09 45th Ave, Queens", 40.7526, -73.7849],
  ["24-51 35th St, Queens", 40.7708, -73.9177],
  ["110-34 72nd Rd, Queens", 40.7210, -73.8421],
  ["88-15 Union Tpke, Queens", 40.7122, -73.8532],
  ["217-60 Hartland Ave, Queens", 40.7524, -73.7510],
];

const TYPES: CleanupType[] = ["POOP", "POOP", "BOTH", "LITTER"];
const PILES: PileEstimate[] = ["PILES_1_3", "PILES_4_8", "PILES_9_PLUS"];
const LITTER: LitterLevel[] = ["LIGHT", "MODERATE", "HEAVY"];
const SEGMENTS: YardSegment[][] = [["N"], ["S"], ["N", "S"], ["E", "W"], ["N", "E", "S", "W"], ["S", "W"]];
const NOTES = [null, "Friendly lab, will be inside.", "Side gate by the garage.", null, "Mostly by the back fence."];

export const SEED_JOBS: SeedJob[] = SPOTS.map(([address, lat, lng], i) => {
  const type = TYPES[i % TYPES.length]!;
  return {
    address,
    lat,
    lng,
    // $12.00 … $24.00 in 50-cent steps, spread deterministically.
    priceCents: 1200 + ((i * 7) % 25) * 50,
    type,
    pileEstimate: type === "LITTER" ? null : PILES[i % PILES.length]!,
    litterLevel: type === "POOP" ? null : LITTER[i % LITTER.length]!,
    yardSegments: SEGMENTS[i % SEGMENTS.length]!,
    publicNotes: NOTES[i % NOTES.length] ?? null,
  };
});

/** The onboarding statements a fresh database starts with (admins reword or add more on /admin/attestations). */
export const DEFAULT_ATTESTATIONS = [
  "I am 18 or older.",
  "I carry liability insurance for the work I do through Scoop.",
  "I bring my own bags, gloves and scooper to every job.",
];

export const DEMO_USERS = [
  { email: "customer@scoop.test", name: "Casey Customer", roles: ["CUSTOMER"] as const, password: "scoop-customer-dev" },
  { email: "scooper@scoop.test", name: "Sam Scooper", roles: ["SCOOPER"] as const, password: "scoop-scooper-dev" },
  { email: "admin@scoop.test", name: "Ada Admin", roles: ["ADMIN", "CUSTOMER", "SCOOPER"] as const, password: "scoop-admin-dev" },
];
