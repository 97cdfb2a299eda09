/**
 * The client side of `npm run bench:realtime`, run as its own process so the server is measured from outside.
 * Opens N WebSocket clients, either tRPC (`jobs.onBoardChange`) or raw (`ws` messages), waits for `expect`
 * events per client, and prints one JSON line: { received: { jobId: [[receivedAtMs, sentAtMs], …] } }, where
 * sentAtMs is the event log's append time (the stream id) for tRPC and the publisher's clock for raw.
 *
 * Usage: tsx scripts/bench/realtime-clients.ts <trpc|raw> <baseUrl> <clients> <expectPerClient>
 */
import WebSocket from "ws";
import { nodeClient } from "../../src/test/trpc-ws-client";

const [mode, baseUrl, clientsArg, expectArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const expected = Number(expectArg);
const received = new Map<string, [number, number][]>();
let done = 0;
let ready = 0;

function record(jobId: string, sentAt: number) {
  const at = Date.now();
  let list = received.get(jobId);
  if (!list) received.set(jobId, (list = []));
  list.push([at, sentAt]);
}

function finish() {
  // Exit only once the (large) line is flushed to the pipe.
  process.stdout.write(JSON.stringify({ received: Object.fromEntries(received) }) + "\n", () => process.exit(0));
}

const perClient: number[] = Array(clients).fill(0);
function onEvent(i: number, jobId: string, sentAt: number) {
  record(jobId, sentAt);
  perClient[i]!++;
  if (perClient[i] === expected && ++done === clients) finish();
}

setTimeout(() => {
  process.stderr.write(`timeout: ${done}/${clients} clients complete\n`);
  finish();
}, Number(process.env.BENCH_TIMEOUT_MS ?? 120_000)).unref();

const NYC = { south: 40.4, west: -74.4, north: 41.1, east: -73.5 };
for (let i = 0; i < clients; i++) {
  if (mode === "trpc") {
    const { client } = nodeClient(baseUrl!);
    client.jobs.onBoardChange.subscribe(
      { bounds: NYC },
      {
        onStarted: () => ++ready === clients && process.stdout.write("READY\n"),
        onData: ({ id, data }) => {
          if (data.type === "job.closed") onEvent(i, data.jobId, Number(id.split("-")[0]));
        },
      },
    );
  } else {
    const ws = new WebSocket(baseUrl!.replace(/^http/, "ws"));
    ws.on("open", () => ++ready === clients && process.stdout.write("READY\n"));
    ws.on("message", (msg) => {
      const { jobId, t } = JSON.parse(msg.toString()) as { jobId: string; t: number };
      onEvent(i, jobId, t);
    });
  }
}
