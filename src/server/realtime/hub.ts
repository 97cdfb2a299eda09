/**
 * One Redis subscriber connection per process, fanned out in-process to every subscription that listens:
 * no Redis connection per WebSocket client. Started lazily on the first `listen`.
 * Events published while this connection was down are never delivered live, so when it comes back every channel
 * with listeners gets one `resync` event (the same one a client away too long gets): clients refetch.
 */
import { EventEmitter, on } from "node:events";
import superjson from "superjson";
import { env } from "@/env";
import { logger } from "@/server/logger";
import { createRedisConnection, type RedisConnection } from "@/server/redis";
import { fanoutChannel, type LoggedEvent } from "./event-log";

type Hub = { emitter: EventEmitter; subscriber: RedisConnection; ready: Promise<void> };
const globalForHub = globalThis as unknown as { scoopRealtimeHub?: Hub };

function startHub(): Hub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  // Named, so operators (and the tests) can tell the real-time subscriber apart in CLIENT LIST.
  const subscriber = createRedisConnection({ maxRetriesPerRequest: null, connectionName: realtimeConnectionName() });
  subscriber.on("message", (_channel: string, message: string) => {
    try {
      const { c, id, d } = JSON.parse(message) as { c: string; id: string; d: string };
      // Every process hears every channel's announcements (one pub/sub channel); most job and user channels have no
      // listener here, and decoding their events would be wasted work on each claim.
      if (emitter.listenerCount(c) === 0) return;
      emitter.emit(c, { id, data: superjson.parse(d) } satisfies LoggedEvent);
    } catch (err) {
      logger.error({ err }, "bad real-time message");
    }
  });
  const ready = subscriber.subscribe(fanoutChannel()).then(() => undefined);
  let lost = false;
  subscriber.on("close", () => (lost = true));
  // ioredis re-subscribes on reconnect; "ready" then means live again, with a gap behind it.
  subscriber.on("ready", () => {
    if (!lost) return;
    lost = false;
    const resync: LoggedEvent = { id: `${Date.now()}-0`, data: { type: "resync" } };
    // Channels only: `events.on` adds an "error" listener per iterator, and emitting "error" would end them all.
    const channels = emitter.eventNames().filter((name): name is string => typeof name === "string" && name !== "error");
    for (const channel of channels) emitter.emit(channel, resync);
    logger.warn({ channels: channels.length }, "real-time connection restored; told listeners to resync");
  });
  return { emitter, subscriber, ready };
}

/** The name this process's real-time subscriber gives Redis (CLIENT SETNAME). */
export function realtimeConnectionName(pid = process.pid): string {
  return `${env.REDIS_PREFIX}:realtime:${pid}`;
}

function hub(): Hub {
  return (globalForHub.scoopRealtimeHub ??= startHub());
}

/**
 * Starts buffering `channel`'s events at once (so nothing published from now on is lost) and resolves when
 * the process's subscription to Redis is confirmed. Ends when `signal` aborts.
 */
export async function listen(channel: string, signal: AbortSignal): Promise<AsyncIterableIterator<LoggedEvent>> {
  const h = hub();
  const iterator = on(h.emitter, channel, { signal }) as AsyncIterableIterator<[LoggedEvent]>;
  await h.ready;
  return (async function* () {
    try {
      for await (const [event] of iterator) yield event;
    } catch (err) {
      if (!signal.aborted) throw err;
    }
  })();
}

export async function closeRealtimeHub(): Promise<void> {
  const h = globalForHub.scoopRealtimeHub;
  globalForHub.scoopRealtimeHub = undefined;
  if (h) await h.subscriber.quit().catch(() => h.subscriber.disconnect());
}
