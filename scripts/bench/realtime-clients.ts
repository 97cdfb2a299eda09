/**
 * The client side of `npm run bench:realtime`, run as its own process so the server is measured from outside.
 * Opens N WebSocket clients: "wire" (tRPC's own wire protocol on a bare `ws`: subscribe to `jobs.onBoardChange`,
 * JSON-parse each message, as cheap per message as the floor's clients, so the server is what is measured: in
 * production each map is its own browser), "trpc" (the real tRPC client library, all N in this one process), or
 * "raw" (the floor's plain `ws` messages).
 *
 * wire and tRPC clients behave like the map: a "job left the board" event is recorded (the map drops the pin locally); a
 * "job opened" event schedules one refetch of `jobs.board` over HTTP per burst, after the map's own random delay
 * (src/lib/board-refresh.ts), recorded from the event's append to the refetch's answer.
 *
 * Prints "READY" once every client is subscribed, "CLOSED_DONE" once every client has `closedExpected` closed
 * events, then one JSON line when every client also has `openedExpected` opened events and no refetch pending:
 * { received: { jobId: [[receivedAtMs, sentAtMs], …] }, refetches: [ms, …], refetchErrors }, where sentAtMs is
 * the event log's append time (the stream id) for tRPC and the publisher's clock for raw.
 *
 * Usage: tsx scripts/bench/realtime-clients.ts <wire|trpc|raw> <baseUrl> <clients> <closedExpected> [openedExpected]
 */
import superjson from "superjson";
import WebSocket from "ws";
import { boardRefetchDelayMs } from "../../src/lib/board-refresh";
import { nodeClient } from "../../src/test/trpc-ws-client";

const [mode, baseUrl, clientsArg, closedArg, openedArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const closedExpected = Number(closedArg);
const openedExpected = Number(openedArg ?? 0);
const NYC = { south: 40.4, west: -74.4, north: 41.1, east: -73.5 };

const received = new Map<string, [number, number][]>();
const refetches: number[] = [];
let refetchErrors = 0;
let ready = 0;
let closedDone = 0;
let allDone = 0;
let finished = false;

function finish() {
  if (finished) return;
  finished = true;
  // Exit only once the (large) line is flushed to the pipe.
  process.stdout.write(JSON.stringify({ received: Object.fromEntries(received), refetches, refetchErrors }) + "\n", () => process.exit(0));
}

setTimeout(() => {
  process.stderr.write(`timeout: ${closedDone}/${clients} clients have every closed event, ${allDone}/${clients} are done\n`);
  finish();
}, Number(process.env.BENCH_TIMEOUT_MS ?? 180_000)).unref();

type State = { closed: number; opened: number; pendingSince: number | null; timer: boolean; inFlight: boolean; done: boolean };

function checkDone(s: State) {
  if (s.done || s.closed < closedExpected || s.opened < openedExpected || s.timer || s.inFlight) return;
  s.done = true;
  if (++allDone === clients) finish();
}

function onClosed(s: State, jobId: string, sentAt: number) {
  const at = Date.now();
  let list = received.get(jobId);
  if (!list) received.set(jobId, (list = []));
  list.push([at, sentAt]);
  if (++s.closed === closedExpected && ++closedDone === clients) process.stdout.write("CLOSED_DONE\n");
  checkDone(s);
}

/** Schedules the map's refetch of its view after a "job opened" event (once per burst). */
function onOpened(s: State, sentAt: number, query: () => Promise<unknown>) {
  s.opened++;
  s.pendingSince ??= sentAt;
  if (s.timer || s.inFlight) return;
  s.timer = true;
  const refetch = () => {
    s.timer = false;
    s.inFlight = true;
    const since = s.pendingSince!;
    s.pendingSince = null;
    query()
      .then(() => refetches.push(Date.now() - since))
      .catch(() => refetchErrors++)
      .finally(() => {
        s.inFlight = false;
        if (s.pendingSince !== null && !s.timer) {
          s.timer = true;
          setTimeout(refetch, boardRefetchDelayMs());
        }
        checkDone(s);
      });
  };
  setTimeout(refetch, boardRefetchDelayMs());
}

const boardUrl = `${baseUrl}/api/trpc/jobs.board?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ bounds: NYC, zoom: 11 })))}`;
const fetchBoard = () => fetch(boardUrl).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))));

for (let i = 0; i < clients; i++) {
  const s: State = { closed: 0, opened: 0, pendingSince: null, timer: false, inFlight: false, done: false };
  if (mode === "wire") {
    const ws = new WebSocket(baseUrl!.replace(/^http/, "ws") + "/api/trpc-ws");
    ws.on("open", () => ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "jobs.onBoardChange", input: superjson.serialize({ bounds: NYC }) } })));
    ws.on("message", (raw) => {
      const text = String(raw);
      // tRPC's keep-alive: answer as its client does.
      if (text === "PING") return void ws.send("PONG");
      const msg = JSON.parse(text) as { result?: { type: string; id?: string; data?: { json: { data: { type: string; jobId?: string } } } } };
      if (msg.result?.type === "started") {
        if (++ready === clients) process.stdout.write("READY\n");
        return;
      }
      if (msg.result?.type !== "data" || !msg.result.id) return;
      const event = msg.result.data!.json.data;
      const sentAt = Number(msg.result.id.split("-")[0]);
      if (event.type === "job.closed") onClosed(s, event.jobId!, sentAt);
      else if (event.type === "job.opened") onOpened(s, sentAt, fetchBoard);
    });
  } else if (mode === "trpc") {
    const { client } = nodeClient(baseUrl!);
    client.jobs.onBoardChange.subscribe(
      { bounds: NYC },
      {
        onStarted: () => ++ready === clients && process.stdout.write("READY\n"),
        onData: ({ id, data }) => {
          const sentAt = Number(id.split("-")[0]);
          if (data.type === "job.closed") onClosed(s, data.jobId, sentAt);
          else if (data.type === "job.opened") onOpened(s, sentAt, () => client.jobs.board.query({ bounds: NYC, zoom: 11 }));
        },
      },
    );
  } else {
    const ws = new WebSocket(baseUrl!.replace(/^http/, "ws"));
    ws.on("open", () => ++ready === clients && process.stdout.write("READY\n"));
    ws.on("message", (msg) => {
      const { jobId, t } = JSON.parse(msg.toString()) as { jobId: string; t: number };
      onClosed(s, jobId, t);
    });
  }
}
