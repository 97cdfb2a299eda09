import { describe, expect, it } from "vitest";
import { batchPerTurn } from "./batch-per-turn";

describe("batchPerTurn", () => {
  it("runs one turn's items together, in order, and gives each caller its own result", async () => {
    const runs: number[][] = [];
    const double = batchPerTurn(async (items: number[]) => {
      runs.push(items);
      return items.map((n) => n * 2);
    });
    const first = await Promise.all([double(1), double(2), double(3)]);
    const later = await double(4);
    expect(first).toEqual([2, 4, 6]);
    expect(later).toBe(8);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it("fails every caller of the turn when the run fails, and the next turn runs again", async () => {
    let fail = true;
    const echo = batchPerTurn(async (items: string[]) => {
      if (fail) throw new Error("Redis is down");
      return items;
    });
    const results = await Promise.allSettled([echo("a"), echo("b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error("Redis is down"));
    fail = false;
    await expect(echo("c")).resolves.toBe("c");
  });

  it("fails the turn's callers when the run throws before returning a promise", async () => {
    const broken = batchPerTurn((() => {
      throw new Error("no connection");
    }) as (items: number[]) => Promise<number[]>);
    await expect(broken(1)).rejects.toThrow("no connection");
  });
});
