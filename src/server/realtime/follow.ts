import { compareEventIds, readSince, type LoggedEvent } from "./event-log";
import { listen } from "./hub";

export type ResyncEvent = { type: "resync" };

/**
 * Every event of `channel` after `lastEventId`, then live ones, in order and each once:
 * listen first, back-fill from the log second, and drop live events the back-fill already gave.
 * When the client was away longer than the log keeps, it gets one `resync` event and should refetch.
 */
export async function* followChannel<T>(
  channel: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal,
): AsyncGenerator<LoggedEvent<T | ResyncEvent>> {
  const live = await listen(channel, signal);
  let last: string | null = null;
  if (lastEventId) {
    const backlog = await readSince(channel, lastEventId);
    if (backlog === "gap") {
      last = `${Date.now()}-0`;
      yield { id: last, data: { type: "resync" } };
    } else {
      last = lastEventId;
      for (const event of backlog) {
        last = event.id;
        yield event as LoggedEvent<T>;
      }
    }
  }
  for await (const event of live) {
    if (last && compareEventIds(event.id, last) <= 0) continue;
    last = event.id;
    yield event as LoggedEvent<T>;
  }
}
