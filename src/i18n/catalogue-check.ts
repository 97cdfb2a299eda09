/**
 * What the catalogue-completeness test checks (src/i18n/catalogues.test.ts), kept apart so its own test can show
 * each check bites: every key of one language exists in the other, and an ICU message names the same
 * placeholders (and plural/select arguments) in both.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a catalogue, dotted ("nav.board"). */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names of an ICU message ("{count, plural, …}", "{name}", rich-text tags), sorted. */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** The problems between two languages' copies of one catalogue file: missing keys and differing placeholders. */
export function compareCatalogues(file: string, a: { locale: string; tree: Tree }, b: { locale: string; tree: Tree }): string[] {
  const problems: string[] = [];
  const fa = flatten(a.tree);
  const fb = flatten(b.tree);
  for (const key of fa.keys()) if (!fb.has(key)) problems.push(`${file}: "${key}" is in ${a.locale} but not in ${b.locale}`);
  for (const key of fb.keys()) if (!fa.has(key)) problems.push(`${file}: "${key}" is in ${b.locale} but not in ${a.locale}`);
  for (const [key, message] of fa) {
    const other = fb.get(key);
    if (other === undefined) continue;
    let pa: string[], pb: string[];
    try {
      pa = placeholders(message);
      pb = placeholders(other);
    } catch (e) {
      problems.push(`${file}: "${key}" is not a valid ICU message (${(e as Error).message})`);
      continue;
    }
    if (pa.join() !== pb.join()) problems.push(`${file}: "${key}" has {${pa.join(", ")}} in ${a.locale} but {${pb.join(", ")}} in ${b.locale}`);
  }
  return problems;
}
