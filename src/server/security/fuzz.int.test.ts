/**
 * Every tRPC procedure, enumerated from the router (a new one is covered automatically), receives generated bad
 * input through the real HTTP route handler, as an anonymous caller and as each role, with rate limits off.
 * Fails on any 5xx, on any error body carrying a stack trace, and on a procedure (with an input) where most
 * malformed calls that pass the sign-in/role gate are not answered with a validation error (400).
 * fast-check with a fixed seed and run count: the same inputs every run, so a failure reproduces.
 */
import fc from "fast-check";
import superjson from "superjson";
import { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMITS_ENABLED = "0";
});

const { appRouter } = await import("@/server/api/root");
const { trpcHttp } = await import("@/test/trpc-http-fetch");
const { createUser } = await import("@/test/factories");
const { sessionCookieFor } = await import("@/test/realtime-harness");

const SEED = 20_2026;
const RUNS_PER_CALLER = 6;

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom("", "\u0000", "a\u0000b", "\u0007\u001b[31m", "x".repeat(100_000), "' OR 1=1 --", "../../etc/passwd", "\u202e"),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };

/** The field names of a procedure's input object, so bad values go where real ones would. */
function inputKeys(proc: AnyProcedure): string[] | null {
  let schema = proc._def.inputs[0] as z.ZodType | undefined;
  if (!schema) return null;
  for (let i = 0; i < 4 && schema && !(schema instanceof z.ZodObject); i++) {
    const def: { innerType?: z.ZodType; in?: z.ZodType } | undefined = (schema as unknown as { def?: { innerType?: z.ZodType; in?: z.ZodType } }).def;
    schema = def?.innerType ?? def?.in;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function badInputs(proc: AnyProcedure, seed: number): unknown[] {
  const keys = inputKeys(proc) ?? [];
  const shaped = keys.length
    ? fc.record(Object.fromEntries([...keys, "unknownKey"].map((k) => [k, nasty])), { requiredKeys: [] })
    : nasty;
  return fc.sample(fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: nasty, weight: 1 }), { seed, numRuns: RUNS_PER_CALLER });
}

async function call(path: string, type: "query" | "mutation", input: unknown, cookie: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" };
  if (cookie) headers.cookie = cookie;
  const body = JSON.stringify(superjson.serialize(input));
  const res =
    type === "query"
      ? await trpcHttp(new Request(`http://x/api/trpc/${path}?input=${encodeURIComponent(body)}`, { headers }))
      : await trpcHttp(new Request(`http://x/api/trpc/${path}`, { method: "POST", headers, body }));
  return { status: res.status, text: await res.text() };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).filter(([, p]) => p._def.type !== "subscription");
const callers: Record<string, string | null> = { anonymous: null };

beforeAll(async () => {
  for (const role of ["CUSTOMER", "SCOOPER", "ADMIN"] as const) callers[role] = await sessionCookieFor((await createUser([role])).id);
});

describe("fuzzing every procedure with bad input", () => {
  it("covers the whole router", () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it.each(procedures.map(([path, proc]) => [path, proc] as const))("%s never answers 5xx or a stack trace", async (path, proc) => {
    const gated: number[] = [];
    for (const [name, cookie] of Object.entries(callers)) {
      const seed = SEED + [...`${path}:${name}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
      for (const input of badInputs(proc, seed)) {
        const { status, text } = await call(path, proc._def.type as "query" | "mutation", input, cookie);
        const where = `${path} as ${name} with ${JSON.stringify(input)?.slice(0, 200)}`;
        expect(status, `${where} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(text, where).not.toMatch(/\n\s+at |"stack"/);
        if (status !== 401 && status !== 403) gated.push(status);
      }
    }
    if (inputKeys(proc) !== null && gated.length > 0) {
      const rejected = gated.filter((s) => s === 400).length;
      expect(rejected / gated.length, `${path}: statuses ${gated.join(",")}`).toBeGreaterThanOrEqual(0.5);
    }
  });
});
