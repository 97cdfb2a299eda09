import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, renderSample, type EmailTemplateName } from "./catalog";
import { weeklyEarnings } from "./weekly-earnings";

describe("email templates", () => {
  it.each(Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[])("%s renders a subject, HTML and plain text from its sample", async (name) => {
    const email = await renderSample(name);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.text.trim().length).toBeGreaterThan(20);
    expect(email.text).not.toMatch(/<\/?[a-z]+[^>]*>/i);
    expect(`${email.subject}${email.text}`).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it("escapes data (an address cannot inject HTML) and links the unsubscribe URL", async () => {
    const email = await weeklyEarnings.render({
      ...weeklyEarnings.sample,
      jobs: [{ date: "2027-03-09", area: "<script>alert(1)</script>", amountCents: 1000 }],
      totalCents: 1000,
    });
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).toContain('href="http://localhost:3000/unsubscribe?token=sample"');
    expect(email.subject).toBe("You earned $10.00 this week");
  });
});
