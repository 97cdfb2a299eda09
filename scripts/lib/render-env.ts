/**
 * The plain values render.yaml's `scoop-shared` env group declares (`- key: X` + `value: "…"`), so the
 * production-shaped test run starts the app with the settings the documented deploy uses. Secrets (`sync: false`,
 * `generateValue`) have no value here; the run supplies its own.
 */
import fs from "node:fs";

export function renderSharedEnv(file = "render.yaml"): Record<string, string> {
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf("- name: scoop-shared");
  if (start < 0) throw new Error("render.yaml has no scoop-shared env group");
  const next = text.indexOf("\n  - name: ", start + 1);
  const group = text.slice(start, next < 0 ? undefined : next);
  const out: Record<string, string> = {};
  for (const m of group.matchAll(/- key: (\w+)\n\s+value: (?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4]!;
  return out;
}
