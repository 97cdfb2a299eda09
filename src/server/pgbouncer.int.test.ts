/**
 * Behind PgBouncer in transaction mode, as docs/deploy.md plans for when connections run out: a private PgBouncer
 * (src/test/chaos.ts) with two server connections carries every database call of this file, of a web instance and of
 * the real worker process, and discards each server connection's session after every transaction (DISCARD ALL).
 * Nothing may rely on a connection's session: the claim's prepared statements are gone by its next transaction
 * (db-batch.ts runs the batch as text instead, and stops preparing after three misses), and every interactive
 * transaction must keep its one server connection.
 * Run time here: 5–12 s (12 s in CI beside the other files).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { bouncer } = await vi.hoisted(async () => {
  const { routeDatabaseThroughPgBouncer } = await import("../test/chaos");
  const bouncer = await routeDatabaseThroughPgBouncer(2);
  process.env.OUTBOX_RELAY_SECONDS = "1";
  return { bouncer };
});

import pg from "pg";
import { env } from "@/env";
import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { toDbDate } from "@/server/calendar";
import { localDateIn } from "@/lib/schedules";
import { startWorkerProcess, type WorkerProcess } from "@/test/chaos";
import { callerFor, createOpenJob, createUser } from "@/test/factories";
import { allEffectsDone } from "@/test/outbox";
import { sessionCookieFor, startInstance, stopInstances, type Instance } from "@/test/realtime-harness";
import { nodeClient } from "@/test/trpc-ws-client";

const started = Date.now();

/** PostgreSQL's own count of connections to this file's database, asked directly (not through PgBouncer). */
async function serverConnections(): Promise<number> {
  const direct = new pg.Client({ connectionString: process.env.TEST_PG_SERVER_URL });
  await direct.connect();
  try {
    const { rows } = await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [new URL(bouncer.url).pathname.slice(1)]);
    return rows[0]!.n;
  } finally {
    await direct.end();
  }
}
let worker: WorkerProcess | null = null;
let web: Instance | undefined;

beforeAll(async () => {
  [worker, web] = await Promise.all([startWorkerProcess(), startInstance()]);
}, 90_000);
afterAll(async () => {
  await stopInstances([web]);
  await worker?.stop();
  console.log(`[pgbouncer] file ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe("behind PgBouncer in transaction mode (two server connections)", () => {
  it("goes through the pooler", () => {
    expect(env.DATABASE_URL).toBe(bouncer.url);
  });

  it("claims over HTTP: every scooper gets their own job, eight racing for one leave one winner, the worker runs every effect", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const own = await Promise.all(Array.from({ length: 12 }, async () => ({ scooper: await createUser(["SCOOPER"]), job: await createOpenJob(poster.id) })));
    const contested = await createOpenJob(poster.id);
    const racers = await Promise.all(Array.from({ length: 8 }, () => createUser(["SCOOPER"])));
    const clients = await Promise.all([...own.map((o) => o.scooper), ...racers].map(async (s) => nodeClient(web!.url, { cookie: await sessionCookieFor(s.id) })));

    const results = await Promise.allSettled([
      ...own.map((o, i) => clients[i]!.client.jobs.claim.mutate({ jobId: o.job.id })),
      ...racers.map((_, i) => clients[own.length + i]!.client.jobs.claim.mutate({ jobId: contested.id })),
    ]);
    clients.forEach((c) => c.close());

    expect(results.slice(0, own.length).map((r) => r.status)).toEqual(own.map(() => "fulfilled"));
    const race = results.slice(own.length);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const refused of race.filter((r) => r.status === "rejected")) expect((refused as PromiseRejectedResult).reason).toMatchObject({ data: { code: "CONFLICT" } });

    const jobs = await db.cleanupJob.findMany({ where: { posterId: poster.id }, select: { id: true, status: true, scooperId: true } });
    for (const { job, scooper } of own) expect(jobs.find((j) => j.id === job.id)).toMatchObject({ status: "CLAIMED", scooperId: scooper.id });
    const winner = jobs.find((j) => j.id === contested.id)!;
    expect(racers.map((r) => r.id)).toContain(winner.scooperId);
    expect(await db.jobEvent.count({ where: { job: { posterId: poster.id }, type: "claimed" } })).toBe(own.length + 1);
    await allEffectsDone(30_000);
    // Three processes with pools of their own (this file, the web instance, the worker), on two server connections.
    expect(await serverConnections()).toBeLessThanOrEqual(2);
  }, 60_000);

  it("a cancel's interactive transaction and a recurring run's batch both commit whole", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    await expect(callerFor(poster).jobs.cancel({ jobId: job.id })).resolves.toBeDefined();
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true } })).toEqual({ status: "CANCELLED" });

    const customer = await createUser(["CUSTOMER"]);
    const today = localDateIn(env.APP_TIMEZONE, new Date());
    const subs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        db.recurringCleanup.create({
          data: {
            customerId: customer.id, frequency: "WEEKLY", firstServiceDate: toDbDate(today), priceCents: 2000 + i * 100, address: `${i} Pooler Pl, Brooklyn`,
            lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
          },
        }),
      ),
    );
    const summary = await generateDueRecurringJobs(db);
    const ours = summary.jobs.filter((j) => subs.some((s) => s.id === j.subscriptionId));
    expect(ours).toHaveLength(5);
    // Each generated job opens once its authorization is processed (by the worker, through the pooler).
    await vi.waitFor(async () => {
      const jobs = await db.cleanupJob.findMany({ where: { id: { in: ours.map((j) => j.jobId) } }, select: { status: true, payment: { select: { status: true } } } });
      expect(jobs).toEqual(ours.map(() => ({ status: "OPEN", payment: { status: "AUTHORIZED" } })));
    }, { timeout: 20_000, interval: 250 });
    // A second run the same day makes nothing more.
    expect((await generateDueRecurringJobs(db)).jobs.filter((j) => subs.some((s) => s.id === j.subscriptionId))).toEqual([]);
    await allEffectsDone(30_000);
  }, 60_000);
});
