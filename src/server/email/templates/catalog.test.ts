import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, renderSample, type EmailTemplateName } from "./catalog";
import { receipt, type ReceiptKind } from "./receipt";
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

describe("email templates in Spanish", () => {
  // Words every Spanish email of Scoop uses somewhere, and English ones no Spanish email may keep.
  const SPANISH = /\b(su|sus|usted|limpieza|scooper|trabajo|correo|contraseña|cuenta|recibo|ganó|propina|disputa|patio|cliente|mensaje)\b/i;
  const ENGLISH = /\b(your|the cleanup|you have|please|claimed|receipt)\b/i;

  const data = (sample: object) => Object.values(sample).filter((v): v is string => typeof v === "string");

  it.each(Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[])("%s renders its subject and words in Spanish", async (name) => {
    const template = EMAIL_TEMPLATES[name] as { render: (p: unknown) => Promise<{ subject: string; html: string; text: string }>; sample: object };
    const english = await template.render(template.sample);
    const spanish = await template.render({ ...template.sample, locale: "es" });
    expect(spanish.subject).not.toBe(english.subject);
    expect(spanish.subject).toMatch(SPANISH);
    expect(data(template.sample).reduce((t, v) => t.split(v).join(" "), spanish.subject)).not.toMatch(ENGLISH);
    expect(spanish.text).toMatch(SPANISH);
    // The data is the caller's (names, addresses, a provider's note): only the template's own words must be Spanish.
    const ownWords = data(template.sample).reduce((text, value) => text.split(value).join(" ").split(value.toUpperCase()).join(" "), spanish.text);
    expect(ownWords.replace(/https?:\/\/\S+/g, "")).not.toMatch(ENGLISH);
    expect(spanish.html).toContain('lang="es"');
    expect(english.html).toContain('lang="en"');
    expect(`${spanish.subject}${spanish.text}`).not.toMatch(/undefined|NaN|\[object Object\]|\{[a-z]+\}/i);
  });

  it("formats money and keeps the data as given", async () => {
    const email = await weeklyEarnings.render({ ...weeklyEarnings.sample, totalCents: 123456, locale: "es" });
    expect(email.subject).toBe("Usted ganó $1,234.56 esta semana");
    expect(email.text).toContain("Cancelar suscripción");
  });

  it.each(["capture", "cancellation-fee", "refund", "tip", "visit-charge", "visit-refund"] satisfies ReceiptKind[])("receipt %s has its own Spanish title", async (kind) => {
    const [es, en] = await Promise.all([
      receipt.render({ ...receipt.sample, kind, locale: "es" }),
      receipt.render({ ...receipt.sample, kind }),
    ]);
    expect(es.subject).toMatch(/^Recibo de Scoop: .+ \(\$25\.00\)$/);
    expect(en.subject).toMatch(/^Scoop receipt: .+ \(\$25\.00\)$/);
    expect(es.text).toMatch(/Le (cobramos|reembolsamos) \$25\.00/);
  });
});
