import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, renderSample, type EmailTemplateName } from "./catalog";
import { disputeOpened } from "./dispute-opened";
import { jobCancelled } from "./job-cancelled";
import { jobClaimed } from "./job-claimed";
import { jobCompleted } from "./job-completed";
import { jobMessage } from "./job-message";
import { jobOnMyWay } from "./job-on-my-way";
import { jobReserved } from "./job-reserved";
import { jobRetry } from "./job-retry";
import { jobUnreachable } from "./job-unreachable";
import { passwordReset } from "./password-reset";
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

describe("lengths that come from settings, worded whatever their value", () => {
  // AUTO_CONFIRM_SECONDS, PREFERRED_SCOOPER_WINDOW_MINUTES and PASSWORD_RESET_TTL_MINUTES may be any whole number of
  // minutes: never "2.5 hours", "0 hours" or "1 minutes".
  it.each([
    [60, "after 1 hour."], [90, "after 90 minutes."], [24 * 60, "after 24 hours."], [1, "after 1 minute."],
  ])("auto-confirmation after %i minutes reads %s", async (autoConfirmMinutes, words) => {
    expect((await jobCompleted.render({ ...jobCompleted.sample, autoConfirmMinutes })).text).toContain(`confirmed automatically ${words}`);
  });

  it.each([
    [150, "in 150 minutes"], [120, "in 2 hours"], [60, "in 1 hour"], [45, "in 45 minutes"],
  ])("a preferred scooper's window of %i minutes reads %s", async (windowMinutes, words) => {
    expect((await jobReserved.render({ ...jobReserved.sample, windowMinutes })).text).toContain(`opens to every scooper ${words} if`);
  });

  it("says the reset link's lifetime with its plural, and the claim's start deadline as a time", async () => {
    expect((await passwordReset.render({ ...passwordReset.sample, ttlMinutes: 1 })).text).toContain("expires in 1 minute.");
    expect((await passwordReset.render({ ...passwordReset.sample, ttlMinutes: 45 })).text).toContain("expires in 45 minutes.");
    const claimed = await jobClaimed.render({ ...jobClaimed.sample, startBy: new Date("2027-03-16T23:30:00Z"), timeZone: "America/Los_Angeles" });
    expect(claimed.text).toContain("They start by 4:30 PM, or the job goes back on the board");
    expect((await jobClaimed.render({ ...jobClaimed.sample, startBy: null })).text).not.toContain("start by");
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

  it("words the reason a scooper could not get in and says the answer time in the recipient's language", async () => {
    const [es, en] = await Promise.all([jobUnreachable.render({ ...jobUnreachable.sample, locale: "es" }), jobUnreachable.render(jobUnreachable.sample)]);
    expect(es.text).toContain("Sam no pudo entrar al patio en 12 Oak St, Park Slope, Brooklyn: portón cerrado con llave.");
    expect(es.text).toContain("Responda antes de las 5:30 p.m.");
    expect(es.html).toContain("Sam no pudo entrar: portón cerrado con llave");
    expect(en.text).toContain("Sam could not get into the yard at 12 Oak St, Park Slope, Brooklyn: locked gate.");
    expect(en.text).toMatch(/Please answer by 5:30\sPM:/);
    const dog = await jobUnreachable.render({ ...jobUnreachable.sample, reason: "UNSAFE_DOG", note: null, locale: "es" });
    expect(dog.text).toContain(": perro peligroso.");
  });

  it("says the arrival and start times in the recipient's language", async () => {
    expect((await jobOnMyWay.render({ ...jobOnMyWay.sample, locale: "es" })).text).toContain("3:42 p.m.");
    expect((await jobOnMyWay.render(jobOnMyWay.sample)).text).toMatch(/Expected around 3:42\sPM/);
    expect((await jobRetry.render({ ...jobRetry.sample, locale: "es" })).text).toContain("7:30 p.m.");
    expect((await jobRetry.render(jobRetry.sample)).text).toMatch(/start it by 7:30\sPM/);
  });

  it("names a message's sender in the recipient's language", async () => {
    const fromScooper = await jobMessage.render({ ...jobMessage.sample, locale: "es" });
    expect(fromScooper.subject).toBe("Nuevo mensaje de Sam, su scooper sobre 12 Oak St, Park Slope, Brooklyn");
    const fromCustomer = await jobMessage.render({ ...jobMessage.sample, sender: { role: "customer" }, locale: "es" });
    expect(fromCustomer.text).toContain("Un mensaje de su cliente sobre la limpieza");
    const unnamed = await jobMessage.render({ ...jobMessage.sample, sender: { role: "scooper", name: null }, locale: "es" });
    expect(unnamed.subject).toBe("Nuevo mensaje de su scooper sobre 12 Oak St, Park Slope, Brooklyn");
    expect((await jobMessage.render(jobMessage.sample)).subject).toBe("New message from Sam, your scooper about 12 Oak St, Park Slope, Brooklyn");
    expect((await jobMessage.render({ ...jobMessage.sample, sender: { role: "customer" } })).text).toContain("A message from the customer about");
  });

  it("words a dispute's reason, Scoop's own cancellation reasons and the payout note in the recipient's language", async () => {
    expect((await disputeOpened.render({ ...disputeOpened.sample, locale: "es" })).text).toContain("(Incompleto)");
    expect((await disputeOpened.render(disputeOpened.sample)).text).toContain("(Incomplete)");
    const noAnswer = { ...jobCancelled.sample, by: "system", reason: null, systemReason: "noAnswer" } as const;
    expect((await jobCancelled.render({ ...noAnswer, locale: "es" })).text).toContain("(“no hubo respuesta a tiempo”)");
    expect((await jobCancelled.render(noAnswer)).text).toContain("(“no answer in time”)");
    const declined = { ...jobCancelled.sample, by: "system", reason: ": Your card was declined", systemReason: "paymentDeclined" } as const;
    expect((await jobCancelled.render({ ...declined, locale: "es" })).text).toContain("(“pago no autorizado: Your card was declined”)");
    expect((await jobCancelled.render(declined)).text).toContain("(“payment not authorized: Your card was declined”)");
    const stripe = { ...weeklyEarnings.sample, payoutProvider: "stripe" };
    expect((await weeklyEarnings.render({ ...stripe, locale: "es" })).text).toContain("Stripe lo transfiere a su banco");
    expect((await weeklyEarnings.render(stripe)).text).toContain("Stripe pays it out to your bank");
    expect((await weeklyEarnings.render({ ...weeklyEarnings.sample, locale: "es" })).text).toContain("Queda en su saldo de Scoop");
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
