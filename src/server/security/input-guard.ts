/**
 * Checks every tRPC input before its own schema runs, so no procedure can forget: strings may not carry NUL or
 * other control characters (tab, newline and carriage return are text), and numbers must be finite and fit the
 * database's 32-bit integers. PostgreSQL refuses a NUL byte in text and an out-of-range int4 with an error, which
 * used to surface as a 500; here they are a validation error (BAD_REQUEST) instead.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const INT4_MAX = 2_147_483_647;
const MAX_DEPTH = 12;

/** Where in `input` a bad value sits ("notes", "items.2.name"), or null when there is none. */
export function findBadInput(input: unknown, path: string[] = []): { path: string; problem: string } | null {
  if (path.length > MAX_DEPTH) return { path: path.join("."), problem: "is nested too deeply" };
  if (typeof input === "string") return CONTROL.test(input) ? { path: path.join("."), problem: "contains a control character" } : null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { path: path.join("."), problem: "is not a finite number" };
    if (Math.abs(input) > INT4_MAX) return { path: path.join("."), problem: "is out of range" };
    return null;
  }
  if (Array.isArray(input)) {
    for (const [i, item] of input.entries()) {
      const bad = findBadInput(item, [...path, String(i)]);
      if (bad) return bad;
    }
    return null;
  }
  if (input && typeof input === "object" && !(input instanceof Date)) {
    for (const [key, value] of Object.entries(input)) {
      const bad = findBadInput(key, [...path, "(key)"]) ?? findBadInput(value, [...path, key]);
      if (bad) return bad;
    }
  }
  return null;
}
