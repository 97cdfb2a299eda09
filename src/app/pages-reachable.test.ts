/**
 * Every page under src/app is reachable: some page or component links to it (a header link, a list row, a
 * button), or it is on the short list of pages only an email or a developer opens, with the reason. Also every
 * page is listed in README's pages table. Reads the source as text: a link is a string or template literal
 * whose path matches the page's route (`${…}` standing for a [param]).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Pages no page links to on purpose. */
const NOT_LINKED: Record<string, string> = {
  "/reset-password": "mail only: the password-reset email's link",
  "/dev/mailbox": "development tool: the dev mailbox, off in production",
  "/dev/emails": "development tool: email template previews, off in production",
};

/** Where in-app links live: pages, components, and the notification centre's targets. */
const LINK_SOURCES = ["src/app", "src/components", "src/server/notifications"];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

// A route group's folder, `(app)`, is not part of the URL.
const pages = files(path.join(root, "src/app"))
  .filter((f) => path.basename(f) === "page.tsx")
  .map((file) => ({ file, route: "/" + path.relative(path.join(root, "src/app"), path.dirname(file)).split(path.sep).filter((seg) => seg && !/^\(.+\)$/.test(seg)).join("/") }))
  .map((p) => ({ ...p, route: p.route === "/" ? "/" : p.route.replace(/\/$/, "") }));

function routePattern(route: string): RegExp {
  const body = route.split("/").map((seg) => (/^\[.+\]$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/");
  return new RegExp(`^${body || "/"}$`);
}

/** Path literals ("/x", '/x', `/x/${id}`) in a file, with `${…}` as one segment and any query or hash cut off. */
function pathLiterals(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/["'`](\/[^"'`\s]*)["'`]/g)) {
    const literal = m[1]!.replace(/\$\{[^}]*\}/g, "X").replace(/[?#].*$/, "");
    out.push(literal === "/" ? "/" : literal.replace(/\/$/, ""));
  }
  return out;
}

const linkFiles = LINK_SOURCES.flatMap((d) => files(path.join(root, d))).map((file) => ({ file, paths: pathLiterals(fs.readFileSync(file, "utf8")) }));

describe("every page is reachable", () => {
  it("finds the pages", () => {
    expect(pages.map((p) => p.route)).toEqual(expect.arrayContaining(["/", "/earnings", "/my-jobs", "/jobs/[id]", "/admin/audit"]));
  });

  for (const page of pages) {
    it(`${page.route} is linked from another page or allow-listed with a reason`, () => {
      const pattern = routePattern(page.route);
      const linkedFrom = linkFiles.filter((f) => f.file !== page.file && f.paths.some((p) => pattern.test(p))).map((f) => path.relative(root, f.file));
      if (page.route in NOT_LINKED) {
        expect(linkedFrom, `${page.route} is allow-listed as not linked, but is linked: drop it from NOT_LINKED`).toEqual([]);
      } else {
        expect(linkedFrom, `${page.route} is linked from nowhere`).not.toEqual([]);
      }
    });
  }

  it("lists every page in README's pages table", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Pages"), readme.indexOf("\n## ", readme.indexOf("## Pages") + 1));
    const listed = [...table.matchAll(/`(\/[^`]*)`/g)].map((m) => m[1]!);
    const missing = pages.map((p) => p.route).filter((r) => !listed.includes(r));
    expect(missing, "pages missing from README's pages table").toEqual([]);
  });
});
