/**
 * `npm run bench:realtime`: 500 WebSocket clients (in their own process) watch the board through a real web
 * instance's tRPC subscription; 200 scoopers each claim a distinct job through `createCaller`. Prints p50/p95/p99
 * of the delay until every client has the "job left the board" event, measured
 *   - from the claim's commit (its `claimedAt`, set inside the transaction: an upper bound), and
 *   - from the event's append to the Redis event log (the stream id's timestamp),
 * and the same for the floor: a bare Redis PUBLISH → `ws` broadcast to 500 raw clients, no tRPC, no log.
 * Target: p95 under 150 ms, and within 2× of the floor. Everything runs on loopback, on private databases/keys.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { benchEnvironment, percentile } from "./bench-env.ts";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 200);
const bench = await benchEnvironment("realtime");
const { db } = await import("../../src/server/db");
const { createCaller } = await import("../../src/server/api/root");
const { createTRPCContext } = await import("../../src/server/api/trpc");
const { closeRedis, createRedisConnection } = await import("../../src/server/redis");
const { closeQueues } = await import("../../src/server/queues/queues");

function startProcess(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let buffer = "";
    let resolved = false;
    const output = new Promise<string>((done) => child.on("exit", () => done(buffer)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = ready.exec(buffer);
      if (match && !resolved) {
        resolved = true;
        resolve({ child, match, output });
      }
    });
    child.once("exit", (code) => !resolved && reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

type Received = Record<string, [number, number][]>;
const lastLine = (out: string) => JSON.parse(out.trim().split("\n").filter((l) => l.startsWith("{")).at(-1)!) as { received: Received };

function report(label: string, samples: number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  console.log(`  ${label.padEnd(44)} p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  (n=${sorted.length})`);
  return percentile(sorted, 95);
}

try {
  // Data: CLAIMS open jobs in New York and one scooper per claim (the 3-active-claims limit holds per scooper).
  const poster = await db.user.create({ data: { email: "bench-poster@example.test", roles: ["CUSTOMER"] } });
  await db.user.createMany({ data: Array.from({ length: CLAIMS }, (_, i) => ({ email: `bench-scooper-${i}@example.test`, roles: ["SCOOPER" as const] })) });
  const scoopers = await db.user.findMany({ where: { roles: { has: "SCOOPER" } }, select: { id: true, email: true, roles: true }, orderBy: { email: "asc" } });
  await db.cleanupJob.createMany({
    data: Array.from({ length: CLAIMS }, (_, i) => ({
      posterId: poster.id, address: `${i} Bench St, Brooklyn`, lat: 40.6 + (i % 20) / 100, lng: -74.0 + Math.floor(i / 20) / 100, priceCents: 1500, platformFeePercent: 15, cancellationFeePercent: 20,
      type: "POOP" as const, pileEstimate: "PILES_1_3" as const, yardSegments: ["N" as const], expiresAt: new Date(Date.now() + 86_400_000),
    })),
  });
  const jobs = await db.cleanupJob.findMany({ where: { posterId: poster.id }, select: { id: true } });

  // 1. Through Scoop: a web instance (tRPC over WebSockets) and the clients' process.
  const server = await startProcess(["src/test/realtime-instance.ts"], /ready (\d+)/);
  const url = `http://127.0.0.1:${server.match[1]}`;
  const clients = await startProcess(["scripts/bench/realtime-clients.ts", "trpc", url, String(CLIENTS), String(CLAIMS)], /READY/);
  await new Promise((r) => setTimeout(r, 500));
  const claimStart = performance.now();
  for (let i = 0; i < CLAIMS; i++) {
    const scooper = scoopers[i]!;
    const caller = createCaller(createTRPCContext({ headers: new Headers(), session: { user: scooper } }));
    await caller.jobs.claim({ jobId: jobs[i]!.id });
    await new Promise((r) => setTimeout(r, 5)); // a steady stream of claims, not one burst
  }
  const claimSeconds = (performance.now() - claimStart) / 1000;
  const received = lastLine(await clients.output).received;
  server.child.kill("SIGTERM");
  const claimedAt = new Map((await db.cleanupJob.findMany({ where: { posterId: poster.id }, select: { id: true, claimedAt: true } })).map((j) => [j.id, j.claimedAt!.getTime()]));
  const fromCommit: number[] = [];
  const fromLog: number[] = [];
  for (const [jobId, list] of Object.entries(received)) {
    for (const [at, appended] of list) {
      fromCommit.push(at - claimedAt.get(jobId)!);
      fromLog.push(at - appended);
    }
  }

  // 2. The floor: Redis PUBLISH → ws broadcast, same number of clients and messages.
  const channel = `${process.env.REDIS_PREFIX}:bench-floor`;
  const raw = await startProcess(["scripts/bench/raw-broadcast-server.ts", channel], /ready (\d+)/);
  const rawClients = await startProcess(["scripts/bench/realtime-clients.ts", "raw", `http://127.0.0.1:${raw.match[1]}`, String(CLIENTS), String(CLAIMS)], /READY/);
  await new Promise((r) => setTimeout(r, 500));
  const publisher = createRedisConnection();
  for (let i = 0; i < CLAIMS; i++) {
    await publisher.publish(channel, JSON.stringify({ jobId: `floor-${i}`, t: Date.now() }));
    await new Promise((r) => setTimeout(r, 5));
  }
  const floor = Object.values(lastLine(await rawClients.output).received).flat().map(([at, sent]) => at - sent);
  raw.child.kill("SIGTERM");
  publisher.disconnect();

  console.log(`real-time board, ${CLIENTS} WebSocket clients, ${CLAIMS} claims (${(CLAIMS / claimSeconds).toFixed(0)} claims/s incl. 5 ms pauses)`);
  const p95Commit = report("Scoop: claim commit → every client", fromCommit);
  const p95Log = report("Scoop: event-log append → every client", fromLog);
  const p95Floor = report("floor: Redis PUBLISH → ws broadcast", floor);
  const expected = CLIENTS * CLAIMS;
  console.log(`  deliveries: Scoop ${fromCommit.length}/${expected}, floor ${floor.length}/${expected}`);
  console.log(`  target p95 < 150 ms: ${p95Commit < 150 ? "met" : "MISSED"} (${p95Commit.toFixed(1)} ms); within 2× of the floor: ${p95Log <= 2 * p95Floor ? "met" : "MISSED"} (${(p95Log / p95Floor).toFixed(2)}×)`);
} finally {
  await closeQueues();
  await db.$disconnect();
  await closeRedis();
  await bench.cleanup();
}
