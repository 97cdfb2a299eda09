/**
 * The real-time event log: one capped Redis Stream per channel ("board", "job:<id>", "user:<id>") holding the
 * last REALTIME_RETENTION_MINUTES of events, plus one Redis pub/sub channel that tells every web process
 * "channel C has a new event". Appending and announcing happen in one Lua script, so an event is never
 * announced without being in the log, and stream ids (ms-seq, monotonic) double as tRPC `tracked` ids.
 *
 * A reconnecting client sends its last id: `readSince` returns what it missed, in order, or "gap" when that
 * id is older than the log (then the client refetches).
 */
import superjson from "superjson";
import { env } from "@/env";
import { getRedis, redisKey } from "@/server/redis";

export type LoggedEvent<T = unknown> = { id: string; data: T };

export const streamKey = (channel: string) => redisKey("rt", "log", channel);
export const fanoutChannel = () => redisKey("rt", "fanout");

const APPEND_SCRIPT = `
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', 'd', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('PUBLISH', ARGV[3], cjson.encode({c = ARGV[4], id = id, d = ARGV[2]}))
return id
`;

const retentionMs = () => env.REALTIME_RETENTION_MINUTES * 60_000;

export async function appendEvent(channel: string, data: unknown): Promise<string> {
  const [id] = await appendEvents(channel, [data]);
  return id!;
}

/** Appends several events to one channel in order, in one round trip. */
export function appendEvents(channel: string, events: unknown[]): Promise<string[]> {
  return appendToChannels(events.map((data) => ({ channel, data })));
}

/** Appends events to their channels (each channel's in order), all in one pipeline: one round trip. */
export async function appendToChannels(events: { channel: string; data: unknown }[]): Promise<string[]> {
  if (events.length === 0) return [];
  const minId = `${Date.now() - retentionMs()}-0`;
  const ttlSeconds = Math.ceil((retentionMs() * 2) / 1000);
  const pipeline = getRedis().pipeline();
  for (const { channel, data } of events) {
    pipeline.eval(APPEND_SCRIPT, 1, streamKey(channel), minId, superjson.stringify(data), fanoutChannel(), channel, ttlSeconds);
  }
  const results = (await pipeline.exec()) ?? [];
  return results.map(([err, id]) => {
    if (err) throw err;
    return id as string;
  });
}

/** Compares two stream ids ("<ms>-<seq>"). */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am - bm || as - bs;
}

export const EVENT_ID_PATTERN = /^\d{1,15}-\d{1,10}$/;

export async function readSince(channel: string, lastId: string): Promise<LoggedEvent[] | "gap"> {
  if (!EVENT_ID_PATTERN.test(lastId)) return "gap";
  const [ms] = lastId.split("-").map(Number);
  if (ms! < Date.now() - retentionMs()) return "gap";
  const key = streamKey(channel);
  const redis = getRedis();
  const [anchor, newer] = await Promise.all([redis.xrange(key, lastId, lastId), redis.xrange(key, `(${lastId}`, "+")]);
  // The client's last event must still be in the log; otherwise events after it may have been trimmed. Its id may
  // also be one the server made up (a resync's), never logged: then only events older than it show it was in order.
  if (anchor.length === 0 && newer.length > 0) {
    const [oldest] = await redis.xrange(key, "-", "+", "COUNT", 1);
    if (oldest && compareEventIds(oldest[0], lastId) > 0) return "gap";
  }
  // Nothing newer and nothing at all: an id within the retention cannot have been trimmed, so the log was emptied
  // (a flush, a failover to an empty replica) and what came after the client's id is unknown. (A made-up id on a
  // quiet channel lands here too: one needless refetch.)
  if (anchor.length === 0 && newer.length === 0 && (await redis.xlen(key)) === 0) return "gap";
  return newer.map(([id, fields]) => ({ id, data: superjson.parse(fields[1] ?? "null") }));
}
