import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { compareCatalogues, placeholders } from "./catalogue-check";
import { NAMESPACES } from "./messages";

const root = path.resolve(import.meta.dirname, "../../messages");
const files = (locale: string) => readdirSync(path.join(root, locale)).filter((f) => f.endsWith(".json")).sort();
const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(root, locale, file), "utf8"));

describe("the message catalogues", () => {
  it("have the same files in every language", () => {
    for (const locale of LOCALES) expect(files(locale), locale).toEqual(files("en"));
  });

  it("have every key of one language in the other, with the same ICU placeholders (every file in messages/)", () => {
    const problems = files("en").flatMap((file) =>
      LOCALES.filter((l) => l !== "en").flatMap((locale) =>
        compareCatalogues(file, { locale: "en", tree: read("en", file) }, { locale, tree: read(locale, file) }),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("lists in the loader every namespace the app's catalogues hold", () => {
    const appFiles = files("en").map((f) => f.replace(/\.json$/, ""));
    // errors, emails and push are the server's catalogues (another module loads them), not the app's pages'.
    const others = new Set(["errors", "emails", "push"]);
    expect(appFiles.filter((f) => !others.has(f)).sort()).toEqual([...NAMESPACES].sort());
  });
});

describe("the completeness check", () => {
  it("fails on a key missing in one language", () => {
    const problems = compareCatalogues("x.json", { locale: "en", tree: { a: "A", nav: { b: "B" } } }, { locale: "es", tree: { a: "A" } });
    expect(problems).toEqual(['x.json: "nav.b" is in en but not in es']);
    expect(compareCatalogues("x.json", { locale: "en", tree: {} }, { locale: "es", tree: { extra: "E" } })).toEqual([
      'x.json: "extra" is in es but not in en',
    ]);
  });

  it("fails when placeholders differ, and reads plurals and tags", () => {
    expect(placeholders("{count, plural, one {# job by {name}} other {# jobs}} <b>now</b>")).toEqual(["<b>", "count", "name"]);
    const problems = compareCatalogues(
      "x.json",
      { locale: "en", tree: { due: "Due {when}", n: "{count, plural, one {# job} other {# jobs}}" } },
      { locale: "es", tree: { due: "Vence {cuando}", n: "{count, plural, one {# trabajo} other {# trabajos}}" } },
    );
    expect(problems).toEqual(['x.json: "due" has {when} in en but {cuando} in es']);
  });
});
