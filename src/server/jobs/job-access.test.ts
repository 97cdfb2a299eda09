import { describe, expect, it } from "vitest";
import { allowedActions, canReadAccessNotes, canSeeJob } from "./job-access";
import { reopenedExpiry } from "./reopened-expiry";

const poster = { id: "p", roles: ["CUSTOMER"] as const };
const scooper = { id: "s", roles: ["SCOOPER"] as const };
const other = { id: "o", roles: ["SCOOPER"] as const };
const admin = { id: "a", roles: ["ADMIN"] as const };
const job = (status: Parameters<typeof allowedActions>[0]["status"]) => ({ status, posterId: "p", scooperId: status === "OPEN" ? null : "s" });

describe("job access rules", () => {
  it("shows OPEN jobs to all and other states to the parties and admins only", () => {
    expect(canSeeJob(job("OPEN"), null)).toBe(true);
    for (const status of ["CLAIMED", "COMPLETED", "CANCELLED"] as const) {
      expect(canSeeJob(job(status), other)).toBe(false);
      expect(canSeeJob(job(status), null)).toBe(false);
      for (const v of [poster, scooper, admin]) expect(canSeeJob(job(status), v)).toBe(true);
    }
  });

  it("lets the scooper read access notes only while the claim is active", () => {
    expect(canReadAccessNotes(job("CLAIMED"), scooper)).toBe(true);
    expect(canReadAccessNotes(job("IN_PROGRESS"), scooper)).toBe(true);
    expect(canReadAccessNotes(job("COMPLETED"), scooper)).toBe(false);
    expect(canReadAccessNotes(job("OPEN"), other)).toBe(false);
    expect(canReadAccessNotes(job("COMPLETED"), poster)).toBe(true);
    expect(canReadAccessNotes(job("CONFIRMED"), admin)).toBe(true);
  });

  it("offers each viewer exactly the actions the table allows", () => {
    expect(allowedActions(job("OPEN"), other)).toEqual(["claim"]);
    expect(allowedActions(job("OPEN"), poster)).toEqual(["cancel", "uploadBeforePhoto"]);
    expect(allowedActions(job("OPEN"), null)).toEqual([]);
    expect(allowedActions(job("CLAIMED"), scooper)).toEqual(["start", "release", "onMyWay", "reportUnreachable"]);
    // "On my way" once per claim.
    expect(allowedActions({ ...job("CLAIMED"), onMyWayAt: new Date() }, scooper)).toEqual(["start", "release", "reportUnreachable"]);
    // "Can't get in": the poster answers until the deadline; an admin cancels choosing the fee, never the plain cancel.
    const unreachable = { ...job("UNREACHABLE"), answerDeadlineAt: new Date(Date.now() + 60_000) };
    expect(allowedActions(unreachable, poster)).toEqual(["answerUnreachable"]);
    expect(allowedActions({ ...unreachable, answerDeadlineAt: new Date(Date.now() - 1) }, poster)).toEqual([]);
    expect(allowedActions(unreachable, scooper)).toEqual([]);
    expect(allowedActions(unreachable, admin)).toEqual(["adminCancelUnreachable"]);
    expect(canReadAccessNotes(unreachable, scooper)).toBe(true);
    expect(allowedActions(job("CLAIMED"), poster)).not.toContain("onMyWay");
    expect(allowedActions(job("IN_PROGRESS"), scooper)).toEqual(["uploadAfterPhoto", "complete", "reportUnreachable"]);
    expect(allowedActions(job("IN_PROGRESS"), poster)).toEqual([]);
    expect(allowedActions(job("COMPLETED"), poster)).toEqual(["confirm", "openDispute"]);
    expect(allowedActions(job("COMPLETED"), scooper)).toEqual([]);
    expect(allowedActions(job("COMPLETED"), admin)).toEqual(["cancel"]);
    expect(allowedActions(job("CONFIRMED"), admin)).toEqual([]);
  });

  it("lets the scooper respond to a dispute once, before the deadline, and the poster review once", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const open = { respondedAt: null, responseDeadlineAt: new Date(now.getTime() + 1000) };
    expect(allowedActions({ ...job("DISPUTED"), dispute: open }, scooper, now)).toEqual(["respondToDispute"]);
    expect(allowedActions({ ...job("DISPUTED"), dispute: open }, poster, now)).toEqual([]);
    expect(allowedActions({ ...job("DISPUTED"), dispute: { ...open, respondedAt: now } }, scooper, now)).toEqual([]);
    expect(allowedActions({ ...job("DISPUTED"), dispute: { ...open, responseDeadlineAt: now } }, scooper, now)).toEqual([]);
    expect(allowedActions({ ...job("CONFIRMED"), review: null }, poster)).toEqual(["review"]);
    expect(allowedActions({ ...job("CONFIRMED"), review: { id: "r" } }, poster)).toEqual([]);
    expect(allowedActions({ ...job("CONFIRMED"), review: null }, scooper)).toEqual([]);
  });
});

describe("re-post", () => {
  it("offers the poster of an expired or cancelled job to post it again, nobody else", () => {
    for (const status of ["EXPIRED", "CANCELLED"] as const) {
      expect(allowedActions(job(status), poster)).toContain("repost");
      for (const v of [scooper, admin]) expect(allowedActions(job(status), v)).not.toContain("repost");
    }
    for (const status of ["OPEN", "CLAIMED", "CONFIRMED", "RESOLVED"] as const) expect(allowedActions(job(status), poster)).not.toContain("repost");
  });
});

describe("reopenedExpiry", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  it("keeps the original expiry when enough time is left", () => {
    const original = new Date("2026-01-01T20:00:00Z");
    expect(reopenedExpiry(original, now, 3600_000)).toEqual(original);
  });
  it("extends to at least the minimum when the original is close or past", () => {
    expect(reopenedExpiry(new Date("2026-01-01T12:10:00Z"), now, 3600_000)).toEqual(new Date("2026-01-01T13:00:00Z"));
  });
});
