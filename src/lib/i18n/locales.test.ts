import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locales";

describe("choosing a language", () => {
  it("takes the browser's best supported language by weight", () => {
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,es;q=0.7")).toBe("es");
    expect(localeFromAcceptLanguage("de,fr")).toBeNull();
    expect(localeFromAcceptLanguage("es;q=0,en")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it("prefers the saved choice, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ saved: "en", cookie: "es", acceptLanguage: "es" })).toBe("en");
    expect(resolveLocale({ saved: null, cookie: "es", acceptLanguage: "en" })).toBe("es");
    expect(resolveLocale({ saved: "xx", cookie: null, acceptLanguage: "es-US" })).toBe("es");
    expect(resolveLocale({})).toBe("en");
  });
});
