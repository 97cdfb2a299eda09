import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { env } from "@/env";
import { takeHomeCents } from "@/lib/money";
import { callerFor, createOpenJob, createUser } from "@/test/factories";
import { sessionCookieFor, startInstance, stopInstances, take as takeEvents, type Instance } from "@/test/realtime-harness";
import { nodeClient } from "@/test/trpc-ws-client";
import { db } from "@/server/db";
import { getRedis } from "@/server/redis";
import { appendEvent, readSince, streamKey } from "./event-log";
import { publishBoardEvent, publishJobChange } from "./events";
import { realtimeConnectionName } from "./hub";

const NYC = { south: 40.5, west: -74.3, north: 41, east: -73.6 };
const cookieFor = sessionCookieFor;
type Received = { id: string; data: { type: string; jobId?: string; job?: { id: string } } };
const take = takeEvents<Received>;

async function boardJob(posterId: string) {
  const job = await createOpenJob(posterId, { lat: 40.7, lng: -73.95, priceCents: 2000 });
  return {
    id: job.id, lat: job.lat, lng: job.lng, address: job.address, priceCents: job.priceCents, takeHomeCents: takeHomeCents(job.priceCents, job.platformFeePercent),
    type: job.type, pileEstimate: job.pileEstimate, litterLevel: job.litterLevel, yardSegments: job.yardSegments, createdAt: job.createdAt, expiresAt: job.expiresAt,
  };
}

describe("real-time over WebSockets, two web instances on one Redis", () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  }, 60_000);
  afterAll(async () => {
    await stopInstances([a, b]);
  });

  it("a claim made through instance A removes the pin for a board subscriber on instance B", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id, { lat: 40.7, lng: -73.95, priceCents: 2000 });
    const watcher = nodeClient(b.url);
    const claimer = nodeClient(a.url, { cookie: await cookieFor(scooper.id) });
    const events = await take(
      (h) => watcher.client.jobs.onBoardChange.subscribe({ bounds: NYC }, h),
      1,
      () => void setTimeout(() => void claimer.client.jobs.claim.mutate({ jobId: job.id }), 300),
    );
    watcher.close();
    claimer.close();
    expect(events[0]!.data).toEqual({ type: "job.closed", jobId: job.id, reason: "claimed" });
    // The board channel never carries private fields.
    expect(JSON.stringify(events)).not.toMatch(/accessNotes|posterId|scooperId/);
  });

  it("a new job appears for board subscribers, with board fields only", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await boardJob(poster.id);
    const { client, close } = nodeClient(b.url);
    const events = await take(
      (h) => client.jobs.onBoardChange.subscribe({ bounds: NYC }, h),
      1,
      () => void setTimeout(() => void publishBoardEvent({ type: "job.opened", job }), 300),
    );
    close();
    expect(events[0]!.data.job!.id).toBe(job.id);
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/accessNotes|posterId/);
  });

  it("gives a reconnecting subscriber exactly the three events it missed, in order, then live ones", async () => {
    const { client, close } = nodeClient(a.url);
    const first = await take(
      (h) => client.jobs.onBoardChange.subscribe({ bounds: NYC }, h),
      1,
      () => void setTimeout(() => void publishBoardEvent({ type: "job.closed", jobId: "before", reason: "other" }), 300),
    );
    const lastEventId = first[0]!.id;
    for (const jobId of ["m1", "m2", "m3"]) await publishBoardEvent({ type: "job.closed", jobId, reason: "expired" });

    const resumed = await take(
      (h) => client.jobs.onBoardChange.subscribe({ bounds: NYC, lastEventId }, h),
      4,
      () => void setTimeout(() => void publishBoardEvent({ type: "job.closed", jobId: "after", reason: "other" }), 500),
    );
    close();
    expect(resumed.map((e) => e.data.jobId)).toEqual(["m1", "m2", "m3", "after"]);
    const ids = resumed.map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("tells a client that was away longer than the log keeps to refetch", async () => {
    const { client, close } = nodeClient(b.url);
    const stale = `${Date.now() - (env.REALTIME_RETENTION_MINUTES + 1) * 60_000}-0`;
    const events = await take((h) => client.jobs.onBoardChange.subscribe({ bounds: NYC, lastEventId: stale }, h), 1);
    close();
    expect(events[0]!.data.type).toBe("resync");
  });

  it("does not send a job's events to a user who may not see it, and refuses anonymous subscribers", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const stranger = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id);

    const strangerClient = nodeClient(a.url, { cookie: await cookieFor(stranger.id) });
    await expect(take((h) => strangerClient.client.jobs.onJobChange.subscribe({ jobId: job.id }, h), 1)).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    strangerClient.close();

    const anonymous = nodeClient(a.url);
    await expect(take((h) => anonymous.client.jobs.onJobChange.subscribe({ jobId: job.id }, h), 1)).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    anonymous.close();

    const posterClient = nodeClient(b.url, { cookie: await cookieFor(poster.id) });
    const events = await take(
      (h) => posterClient.client.jobs.onJobChange.subscribe({ jobId: job.id }, h),
      1,
      () => void setTimeout(() => void publishJobChange({ jobId: job.id, status: "CLAIMED", change: "claimed" }), 300),
    );
    posterClient.close();
    expect(events[0]!.data).toMatchObject({ type: "job.changed", jobId: job.id, status: "CLAIMED" });
  });

  it("sends a reserved job only to its preferred scooper, and only inside each viewer's map", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const preferred = await createUser(["SCOOPER"]);
    const job = await boardJob(poster.id);
    const elsewhere = { ...job, id: `${job.id}-far`, lat: 34.05, lng: -118.24 };
    const anon = nodeClient(a.url);
    const mine = nodeClient(a.url, { cookie: await cookieFor(preferred.id) });
    const publishAll = async () => {
      await publishBoardEvent({ type: "job.opened", job: elsewhere, onlyFor: null });
      await publishBoardEvent({ type: "job.opened", job, onlyFor: preferred.id });
      await publishBoardEvent({ type: "job.closed", jobId: "marker", reason: "other" });
    };
    let fired = 0;
    const fire = () => ++fired === 2 && void setTimeout(() => void publishAll(), 300);
    const [anonEvents, mineEvents] = await Promise.all([
      take((h) => anon.client.jobs.onBoardChange.subscribe({ bounds: NYC }, h), 1, fire),
      take((h) => mine.client.jobs.onBoardChange.subscribe({ bounds: NYC }, h), 2, fire),
    ]);
    anon.close();
    mine.close();
    // Neither gets the job outside their map; only the preferred scooper gets the reserved one.
    expect(anonEvents.map((e) => e.data.jobId ?? e.data.job?.id)).toEqual(["marker"]);
    expect(mineEvents.map((e) => e.data.jobId ?? e.data.job?.id)).toEqual([job.id, "marker"]);
    // Dates survive the once-per-event serialization as dates.
    expect((mineEvents[0]!.data.job as unknown as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
  });

  it("answers a board subscription with bad input through tRPC's own error, and stops sending after unsubscribe", async () => {
    const { client, close } = nodeClient(b.url);
    await expect(
      take((h) => client.jobs.onBoardChange.subscribe({ bounds: { south: 41, west: -74, north: 40, east: -73 } }, h), 1),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });

    const got: string[] = [];
    const sub = client.jobs.onBoardChange.subscribe({ bounds: NYC }, { onData: (e) => got.push((e.data as { jobId: string }).jobId) });
    await new Promise((r) => setTimeout(r, 500));
    await publishBoardEvent({ type: "job.closed", jobId: "first", reason: "other" });
    await expect.poll(() => got).toEqual(["first"]);
    sub.unsubscribe();
    await new Promise((r) => setTimeout(r, 200));
    await publishBoardEvent({ type: "job.closed", jobId: "second", reason: "other" });
    await new Promise((r) => setTimeout(r, 500));
    close();
    expect(got).toEqual(["first"]);
  });

  it("serves a board subscription and another subscription sent in the same message", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    const { client, close } = nodeClient(a.url, { cookie: await cookieFor(poster.id) });
    const board: string[] = [];
    const changes: string[] = [];
    let started = 0;
    const onStarted = () => {
      if (++started < 2) return;
      setTimeout(() => {
        void publishBoardEvent({ type: "job.closed", jobId: "batched", reason: "other" });
        void publishJobChange({ jobId: job.id, status: "CLAIMED", change: "claimed" });
      }, 300);
    };
    // Subscribed in the same tick: the client sends both in one WebSocket message.
    const subs = [
      client.jobs.onBoardChange.subscribe({ bounds: NYC }, { onStarted, onData: (e) => board.push((e.data as { jobId: string }).jobId) }),
      client.jobs.onJobChange.subscribe({ jobId: job.id }, { onStarted, onData: (e) => changes.push(e.data.type) }),
    ];
    await expect.poll(() => ({ board, changes }), { timeout: 10_000 }).toEqual({ board: ["batched"], changes: ["job.changed"] });
    for (const sub of subs) sub.unsubscribe();
    close();
  });

  it("ends a user's live connection on every instance when an admin suspends them", async () => {
    const admin = await createUser(["ADMIN"]);
    const scooper = await createUser(["SCOOPER"]);
    const cookie = await cookieFor(scooper.id);
    const closed = new Promise<number>((resolve) => {
      const ws = new WebSocket(b.url.replace("http", "ws") + "/api/trpc-ws", { headers: { cookie } });
      ws.on("open", () =>
        // A subscription makes the server create this connection's context (and so know its user).
        ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "jobs.onBoardChange", input: { json: { bounds: NYC } } } })),
      );
      ws.on("message", (m) => {
        if (String(m).includes('"started"')) void callerFor(admin).adminUsers.suspend({ userId: scooper.id, until: null, reason: "abuse report" });
      });
      ws.on("close", (code) => resolve(code));
    });
    expect(await closed).toBe(4001);
  });

  it("after an instance's Redis subscriber reconnects: a session revoked meanwhile ends, and its live board goes on", async () => {
    const scooper = await createUser(["SCOOPER"]);
    const cookie = await cookieFor(scooper.id);
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const closed = new Promise<number>((resolve) => {
      const ws = new WebSocket(b.url.replace("http", "ws") + "/api/trpc-ws", { headers: { cookie } });
      ws.on("open", () => ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "jobs.onBoardChange", input: { json: { bounds: NYC } } } })));
      ws.on("message", (m) => String(m).includes('"started"') && started());
      ws.on("close", (code) => resolve(code));
    });
    await isStarted;
    // The revocation's announcement is lost (published while B's subscriber was away): only the database knows.
    await db.user.update({ where: { id: scooper.id }, data: { sessionVersion: { increment: 1 } } });
    // B's real-time subscriber is dropped; ioredis reconnects it, and B rechecks its open sessions.
    const redis = new Redis(env.REDIS_URL);
    try {
      const name = realtimeConnectionName(b.child.pid);
      const line = String(await redis.client("LIST")).split("\n").find((l) => l.includes(` name=${name} `));
      const id = /\bid=(\d+)/.exec(line ?? "")?.[1];
      expect(id, `no Redis client named ${name}`).toBeDefined();
      await redis.client("KILL", "ID", id!);
    } finally {
      redis.disconnect();
    }
    expect(await closed).toBe(4001);

    // B's board fan-out lived through the reconnect: a new pin still reaches a map on B.
    const job = await boardJob((await createUser(["CUSTOMER"])).id);
    const { client, close } = nodeClient(b.url);
    const events = await take(
      (h) => client.jobs.onBoardChange.subscribe({ bounds: NYC }, h),
      1,
      () => void setTimeout(() => void publishBoardEvent({ type: "job.opened", job }), 300),
    );
    close();
    expect(events.map((e) => e.data.type)).toEqual(["job.opened"]);
  });

  it("refuses a WebSocket upgrade from another site", async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(a.url.replace("http", "ws") + "/api/trpc-ws", { headers: { origin: "https://evil.example" } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => (ws.close(), resolve(101)));
      ws.on("error", () => {});
    });
    expect(status).toBe(403);
  });
});

describe("the event log after Redis lost it", () => {
  it("answers gap to a client whose last event went with the whole log, and nothing missed to one ahead of a live log", async () => {
    const channel = `test-log-${crypto.randomUUID()}`;
    const first = await appendEvent(channel, { type: "a" });
    const second = await appendEvent(channel, { type: "b" });
    expect(await readSince(channel, first)).toEqual([{ id: second, data: { type: "b" } }]);
    expect(await readSince(channel, second)).toEqual([]);
    // A resync's made-up id, later than the last event of a log that is still there: nothing was missed.
    expect(await readSince(channel, `${Number(second.split("-")[0]) + 1}-0`)).toEqual([]);
    // Redis is flushed (or fails over to an empty replica): whatever followed `second` is unknown, so refetch.
    await getRedis().del(streamKey(channel));
    expect(await readSince(channel, second)).toBe("gap");
  });
});
