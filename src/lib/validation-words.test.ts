import { describe, expect, it } from "vitest";
import { fieldWords, issueWords } from "./validation-words";

describe("issueWords", () => {
  it("says a text limit in characters, never zod's developer text", () => {
    const words = issueWords({ path: ["publicNotes"], code: "too_big", params: { origin: "string", maximum: 2000, inclusive: true } });
    expect(words).toBe("Keep it to 2,000 characters or fewer.");
    expect(words).not.toMatch(/expected|<=/);
  });
  it("says a money limit in dollars", () => {
    expect(issueWords({ path: ["tipCents"], code: "too_big", params: { origin: "number", maximum: 50_000 } })).toBe("At most $500.00.");
    expect(issueWords({ path: ["priceCents"], code: "too_small", params: { origin: "number", minimum: 500 } })).toBe("At least $5.00.");
  });
  it("keeps words the schema's author wrote", () => {
    expect(issueWords({ path: ["text"], code: "too_small", params: { origin: "string", minimum: 1, message: "Say what went wrong." } })).toBe("Say what went wrong.");
  });
  it("asks for an empty field and a list", () => {
    expect(issueWords({ path: ["address"], code: "too_small", params: { origin: "string", minimum: 1 } })).toBe("Please fill this in.");
    expect(issueWords({ path: ["yardSegments"], code: "too_small", params: { origin: "array", minimum: 1 } })).toBe("Choose at least one.");
  });
});

describe("fieldWords", () => {
  it("groups by the top-level field", () => {
    const out = fieldWords([
      { path: ["comment"], code: "too_big", params: { origin: "string", maximum: 1000 } },
      { path: ["tipCents"], code: "too_big", params: { origin: "number", maximum: 50_000 } },
    ]);
    expect(out).toEqual({ comment: ["Keep it to 1,000 characters or fewer."], tipCents: ["At most $500.00."] });
  });
});

describe("in Spanish", () => {
  it("says the same codes in Spanish, with es-US numbers and money", () => {
    expect(issueWords({ path: ["publicNotes"], code: "too_big", params: { origin: "string", maximum: 2000 } }, "es")).toBe(
      "Use 2,000 caracteres como máximo.",
    );
    expect(issueWords({ path: ["tipCents"], code: "too_big", params: { origin: "number", maximum: 50_000 } }, "es")).toBe("Como máximo $500.00.");
    expect(issueWords({ path: ["priceCents"], code: "too_small", params: { origin: "number", minimum: 500 } }, "es")).toBe("Como mínimo $5.00.");
    expect(issueWords({ path: ["address"], code: "too_small", params: { origin: "string", minimum: 1 } }, "es")).toBe("Complete este campo.");
    expect(issueWords({ path: ["email"], code: "invalid_format", params: { format: "email" } }, "es")).toBe(
      "Escriba un correo electrónico, como nombre@ejemplo.com.",
    );
  });
  it("groups Spanish words by field", () => {
    expect(fieldWords([{ path: ["yardSegments"], code: "too_small", params: { origin: "array", minimum: 1 } }], "es")).toEqual({
      yardSegments: ["Elija al menos una opción."],
    });
  });
});
