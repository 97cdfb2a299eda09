import { describe, expect, it } from "vitest";
import { cancelMoneyWords, timelineWords } from "./job-words";

describe("timelineWords", () => {
  it("names the role in words and never says 'posted by poster'", () => {
    expect(timelineWords("posted", "poster")).toBe("Posted by the customer");
    expect(timelineWords("claimed", "scooper")).toBe("Claimed by the scooper");
    expect(timelineWords("expired", "system")).toBe("Expired unclaimed");
  });
  it("says the field events in words", () => {
    expect(timelineWords("on_my_way", "scooper")).toBe("On the way by the scooper");
    expect(timelineWords("unreachable_retry", "poster")).toBe("Asked to try again by the customer");
    expect(timelineWords("unreachable_deadline_passed", "system")).toBe("No answer in time: cancelled");
  });
  it("turns an unknown event into a sentence", () => {
    expect(timelineWords("something_new", "admin")).toBe("Something new by an admin");
  });
});

describe("cancelMoneyWords", () => {
  const job = { priceCents: 2500, cancellationFeeCents: 500, cancellationFeePercent: 20 };
  it("an open job: the hold is released, nothing is paid", () => {
    expect(cancelMoneyWords({ ...job, status: "OPEN" }, false).join(" ")).toContain("$25.00 held on your card is released in full");
  });
  it("a claimed job: says the fee, its rate and what is released", () => {
    const words = cancelMoneyWords({ ...job, status: "CLAIMED" }, false).join(" ");
    expect(words).toContain("20% cancellation fee of $5.00");
    expect(words).toContain("You are charged $5.00; the other $20.00");
  });
  it("an admin is told the customer is not charged", () => {
    expect(cancelMoneyWords({ ...job, status: "IN_PROGRESS" }, true).join(" ")).toContain("nothing is charged");
  });
});
