import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enJobs from "../../../messages/en/jobs.json";
import esJobs from "../../../messages/es/jobs.json";
import { cancelMoneyWords as cancelWords, cancelTermsKey, tappedLaterWords as tappedWords, timelineWords as timeline, type JobsT } from "./job-words";

const tr = (locale: "en" | "es", jobs: typeof enJobs): JobsT => createTranslator({ locale, messages: { jobs }, namespace: "jobs" }) as unknown as JobsT;
const en = tr("en", enJobs);
const es = tr("es", esJobs);
const timelineWords = (type: string, actor: Parameters<typeof timeline>[2]) => timeline(en, type, actor);
const tappedLaterWords = (event: Parameters<typeof tappedWords>[2]) => tappedWords(en, "en", event);
const cancelMoneyWords = (job: Parameters<typeof cancelWords>[2], asAdmin: boolean) => cancelWords(en, "en", job, asAdmin);

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

describe("tappedLaterWords", () => {
  const received = new Date("2026-11-29T20:30:00Z");
  it("says when a completion sent later was tapped on the phone", () => {
    const words = tappedLaterWords({ type: "completed", details: { tappedAt: "2026-11-29T20:10:00Z" }, createdAt: received });
    expect(words).toMatch(/^, marked done on the phone /);
    expect(words).toContain("Nov 29");
  });
  it("says nothing when it was sent at once, or for other events", () => {
    expect(tappedLaterWords({ type: "completed", details: { tappedAt: "2026-11-29T20:29:30Z" }, createdAt: received })).toBe("");
    expect(tappedLaterWords({ type: "completed", details: null, createdAt: received })).toBe("");
    expect(tappedLaterWords({ type: "started", details: { tappedAt: "2026-11-29T20:10:00Z" }, createdAt: received })).toBe("");
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
  it("a scooper on the way is paid the minimum, said as the minimum, not as the rate", () => {
    // $10.00 at 20 % is $2.00; the minimum on the way is $5.00.
    const words = cancelMoneyWords({ status: "CLAIMED", priceCents: 1000, cancellationFeeCents: 500, cancellationFeePercent: 20 }, false).join(" ");
    expect(words).toContain("minimum cancellation fee of $5.00");
    expect(words).not.toContain("20%");
  });
  it("no fee at all (CANCELLATION_FEE_PERCENT=0, not on the way): says so, never a 0% fee of $0.00", () => {
    const words = cancelMoneyWords({ status: "CLAIMED", priceCents: 2500, cancellationFeeCents: 0, cancellationFeePercent: 0 }, false).join(" ");
    expect(words).toContain("no cancellation fee applies: the $25.00 held on your card is released in full");
    expect(words).not.toMatch(/0%|\$0\.00/);
  });
  it("an admin is told the customer is not charged", () => {
    expect(cancelMoneyWords({ ...job, status: "IN_PROGRESS" }, true).join(" ")).toContain("nothing is charged");
  });
});

describe("cancelTermsKey", () => {
  it("picks the posting summary's sentence from the fee rules in force", () => {
    expect(cancelTermsKey(20, 500)).toBe("cancel");
    expect(cancelTermsKey(25, 0)).toBe("cancelPercentOnly");
    expect(cancelTermsKey(0, 500)).toBe("cancelMinimumOnly");
    expect(cancelTermsKey(0, 0)).toBe("cancelFree");
  });
});

describe("in Spanish", () => {
  it("says the timeline and the money of a cancellation in Spanish", () => {
    expect(timeline(es, "claimed", "scooper")).toBe("Tomado por el scooper");
    expect(timeline(es, "expired", "system")).toBe("Venció sin que nadie lo tomara");
    const words = cancelWords(es, "es", { priceCents: 2500, cancellationFeeCents: 500, cancellationFeePercent: 20, status: "CLAIMED" }, false).join(" ");
    expect(words).toContain("tarifa de cancelación del 20%: $5.00");
    expect(words).toContain("Se le cobra $5.00; se liberan los otros $20.00");
  });
  it("says when a late completion was tapped, in es-US", () => {
    const words = tappedWords(es, "es", { type: "completed", details: { tappedAt: "2026-11-29T20:10:00Z" }, createdAt: new Date("2026-11-29T20:30:00Z") });
    expect(words).toMatch(/^, marcado como terminado en el teléfono el .*29 de nov/);
  });
});
