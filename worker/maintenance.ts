/**
 * The worker's self-repair, on process timers rather than BullMQ schedulers (which live in Redis and can be lost
 * with it): the outbox relay (src/server/outbox/relay.ts) every OUTBOX_RELAY_SECONDS, the check for card holds to
 * renew (src/server/payments/hold-renewal.ts) every HOLD_CHECK_SECONDS, the purge of expired sign-outs
 * (src/server/auth/session-deny-list.ts) hourly, and the scheduler check
 * (`ensureSchedules`) every SCHEDULE_CHECK_SECONDS and whenever the Redis connection comes back. Each loop never
 * overlaps itself and logs its failures (Redis or the database down): the next tick tries again.
 * A repair is stamped in Redis (`worker:schedules-repaired`) so readiness can say when it happened.
 */
import { env } from "@/env";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { purgeEndedSessions } from "@/server/auth/session-deny-list";
import { relayOutbox } from "@/server/outbox/relay";
import { paymentsContext } from "@/server/payments/context";
import { queueHoldRenewals } from "@/server/payments/hold-renewal";
import { getRedis } from "@/server/redis";
import { recordScheduleRepair, recordWorkerHeartbeat } from "@/server/system/heartbeat";
import { ensureSchedules } from "./schedules";

const ENDED_SESSIONS_PURGE_MS = 60 * 60_000;

export type Maintenance = { stop: () => void; checkSchedules: () => Promise<string[]> };

function loop(name: string, everyMs: number, fn: () => Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return running;
    running = fn()
      .catch((err) => logger.error({ err, loop: name }, "worker maintenance failed; retrying next tick"))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}

export function startMaintenance(opts: { relay: boolean; schedules: boolean }): Maintenance {
  const relay = opts.relay ? loop("outbox-relay", env.OUTBOX_RELAY_SECONDS * 1000, () => relayOutbox(db)) : null;
  // Card holds about to lapse (Stripe): one outbox effect per hold, so two workers checking at once renew it once.
  const holds = opts.relay ? loop("hold-renewal", env.HOLD_CHECK_SECONDS * 1000, () => queueHoldRenewals(paymentsContext())) : null;
  // Signed-out sessions whose tokens have expired: idempotent, so every worker may run it.
  const endedSessions = opts.relay ? loop("ended-sessions-purge", ENDED_SESSIONS_PURGE_MS, () => purgeEndedSessions(db)) : null;
  let repaired: string[] = [];
  const schedules = opts.schedules
    ? loop("schedules", env.SCHEDULE_CHECK_SECONDS * 1000, async () => {
        repaired = await ensureSchedules();
        if (repaired.length === 0) return;
        logger.warn({ schedulers: repaired }, "job schedulers were missing from Redis; re-created them");
        await recordScheduleRepair(repaired);
        await recordWorkerHeartbeat();
      })
    : null;
  // A Redis that restarted empty comes back through a reconnect: check at once rather than at the next tick.
  const onReady = () => void schedules?.tick();
  getRedis().on("ready", onReady);
  return {
    stop: () => {
      relay?.stop();
      holds?.stop();
      endedSessions?.stop();
      schedules?.stop();
      getRedis().off("ready", onReady);
    },
    checkSchedules: async () => {
      await schedules?.tick();
      return repaired;
    },
  };
}
