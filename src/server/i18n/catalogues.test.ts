/**
 * The server's catalogues (errors, emails, push) say the same things in every language: the same keys, and the
 * same ICU placeholders in each message, so a Spanish render never lacks a value an English one has.
 */
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { catalogue, SERVER_NAMESPACES, translatorFor } from "./translate";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The argument names a message uses (`{name}`, `{name, select, key {…}}`, `{name, plural, …}`), read with a small
 * ICU walker: the branches of a select are text, not arguments.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };
  // Text and arguments up to an unmatched "}" (or the end).
  const body = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") {
        i++;
        argument();
      } else i++;
    }
  };
  const argument = () => {
    names.add(readUntil(",}"));
    if (message[i] === "}") return void i++;
    i++;
    const type = readUntil(",}");
    if (message[i] === "}") return void i++;
    i++;
    if (["select", "plural", "selectordinal"].includes(type)) {
      while (i < message.length && message[i] !== "}") {
        readUntil("{}");
        if (message[i] === "{") {
          i++;
          body();
          i++;
        }
      }
      i++;
    } else {
      readUntil("}");
      i++;
    }
  };
  body();
  return [...names].sort();
}

describe.each(SERVER_NAMESPACES)("the %s catalogue", (namespace) => {
  const english = flatten(catalogue("en", namespace) as Tree);

  it("is not empty", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("has the same keys and placeholders in %s", (locale) => {
    const other = flatten(catalogue(locale, namespace) as Tree);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of english) {
      expect({ key, placeholders: placeholders(other.get(key) ?? "") }).toEqual({ key, placeholders: placeholders(message) });
    }
  });

  it.each(LOCALES)("every %s message parses as ICU", (locale) => {
    const t = translatorFor(locale, namespace) as unknown as { has: (key: string) => boolean };
    expect(typeof t).toBe("function");
    for (const [key, message] of flatten(catalogue(locale, namespace) as Tree)) {
      // Formatting with every placeholder given a harmless value throws on a syntax error (onError throws).
      const params = Object.fromEntries(placeholders(message).map((p) => [p, 1]));
      expect(() => (translatorFor(locale, namespace) as unknown as (k: string, p: object) => string)(key, params), `${locale} ${key}`).not.toThrow();
    }
  });
});

describe("error words", () => {
  it("keep today's English and have Spanish with the same parameters", () => {
    const en = translatorFor("en", "errors");
    const es = translatorFor("es", "errors");
    expect(en("job.wrongState", { status: "IN_PROGRESS", action: "confirmed" })).toBe("This job is in progress; it cannot be confirmed now.");
    expect(es("job.wrongState", { status: "IN_PROGRESS", action: "confirmed" })).toBe("Este trabajo está en curso; no se puede confirmar ahora.");
    expect(en("rateLimit.claims", { count: 30, unit: "seconds" })).toBe("Too many claims. Try again in 30 seconds.");
    expect(es("rateLimit.claims", { count: 2, unit: "minutes" })).toBe("Demasiados trabajos tomados. Inténtelo de nuevo en 2 minutos.");
  });
});
