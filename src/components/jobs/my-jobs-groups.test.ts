import { describe, expect, it } from "vitest";
import { JobStatus } from "@/generated/prisma/enums";
import { CLAIMED_GROUPS, POSTED_GROUPS } from "./my-jobs-groups";

const groupsOf = (groups: readonly (readonly [string, readonly string[]])[], status: string) => groups.filter(([, s]) => s.includes(status)).map(([t]) => t);

describe("/my-jobs groups", () => {
  it("puts a posted job of every state in exactly one group, a dispute under its own", () => {
    for (const status of Object.values(JobStatus)) expect(groupsOf(POSTED_GROUPS, status), status).toHaveLength(1);
    expect(groupsOf(POSTED_GROUPS, "DISPUTED")).toEqual(["inDispute"]);
  });

  it("puts a claimed job of every state after a claim in exactly one scooping group", () => {
    const afterClaim = Object.values(JobStatus).filter((s) => !["AWAITING_PAYMENT", "OPEN", "EXPIRED"].includes(s));
    for (const status of afterClaim) expect(groupsOf(CLAIMED_GROUPS, status), status).toHaveLength(1);
    expect(groupsOf(CLAIMED_GROUPS, "DISPUTED")).toEqual(["inDispute"]);
  });
});
