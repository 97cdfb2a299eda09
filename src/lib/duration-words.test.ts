import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/post.json";
import es from "../../messages/es/post.json";
import { durationWords } from "./duration-words";

const post = (locale: "en" | "es") => createTranslator({ locale, messages: { post: locale === "en" ? en : es }, namespace: "post" });

describe("durationWords", () => {
  it("says a setting's duration in whole hours when it is, else in minutes, in both languages", () => {
    expect(durationWords(post("en"), 24 * 3600)).toBe("24 hours");
    expect(durationWords(post("en"), 3600)).toBe("1 hour");
    // Non-default timers as the production-shaped run sets them (JOB_EXPIRY_SECONDS 5400, AUTO_CONFIRM_SECONDS 7200).
    expect(durationWords(post("en"), 5400)).toBe("90 minutes");
    expect(durationWords(post("en"), 7200)).toBe("2 hours");
    expect(durationWords(post("es"), 5400)).toBe("90 minutos");
    expect(durationWords(post("es"), 3600)).toBe("1 hora");
  });
});
