/**
 * Runs `work` on each item in order, in tasks of at most `budgetMs` each (always at least one item per task),
 * starting in the next task and yielding to the browser between slices: work that would be one long task on a slow
 * phone (issue 16's blocking time) becomes several short ones. A budget of 0 runs one item per task. Returns a
 * function that cancels the items not yet run.
 */
export function inSlices<T>(items: readonly T[], work: (item: T) => void, budgetMs: number): () => void {
  const queue = [...items];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const until = performance.now() + budgetMs;
    do work(queue.shift()!);
    while (queue.length > 0 && performance.now() < until);
    timer = queue.length > 0 ? setTimeout(slice, 0) : undefined;
  };
  if (queue.length > 0) timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}
