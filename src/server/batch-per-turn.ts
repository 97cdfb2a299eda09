/**
 * Work asked for during one event-loop turn, done together at the next `setImmediate`: requests that finish in the
 * same turn (claims whose database answers arrive together) share one Redis write instead of one each. Used for the
 * BullMQ hand-overs (src/server/outbox/add-batcher.ts) and the real-time events (src/server/jobs/announce.ts).
 *
 * `run` gets the turn's items in the order they were asked for and returns one result per item; each caller's
 * promise settles with its own. When `run` fails, every caller of that turn gets the error. Nothing waits longer
 * than one turn.
 */
export function batchPerTurn<I, R>(run: (items: I[]) => Promise<R[]>): (item: I) => Promise<R> {
  let pending: { item: I; resolve: (result: R) => void; reject: (err: unknown) => void }[] = [];

  function flush(): void {
    const batch = pending;
    pending = [];
    let ran: Promise<R[]>;
    try {
      ran = run(batch.map((p) => p.item));
    } catch (err) {
      ran = Promise.reject(err);
    }
    ran.then(
      (results) => batch.forEach((p, i) => p.resolve(results[i] as R)),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
