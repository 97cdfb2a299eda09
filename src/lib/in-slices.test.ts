import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inSlices } from "./in-slices";

describe("inSlices", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("runs nothing in the caller's task, then every item in order", () => {
    const done: number[] = [];
    inSlices([1, 2, 3], (n) => done.push(n), 1_000_000);
    expect(done).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2, 3]);
  });

  it("runs one item per task with a budget of 0", () => {
    const done: number[] = [];
    inSlices([1, 2, 3], (n) => done.push(n), 0);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cancels the items not yet run", () => {
    const done: number[] = [];
    const cancel = inSlices([1, 2, 3], (n) => done.push(n), 0);
    vi.advanceTimersToNextTimer();
    cancel();
    vi.runAllTimers();
    expect(done).toEqual([1]);
  });

  it("schedules nothing for no items", () => {
    inSlices([], () => undefined, 0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
