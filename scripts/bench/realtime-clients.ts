/**
 * The client side of `npm run bench:realtime`, run as its own process so the server is measured from outside.
 * Opens N WebSocket clients: "wire" (tRPC's own wire protocol on a bare `ws`: subscribe to `jobs.onBoardChange`,
 * JSON-parse each message, as cheap per message as the floor's clients, so the server is what is measured: in
 * production each map is its own browser), "trpc" (the real tRPC client library, all N in this one process), or
 * "raw" (the floor's plain `ws` messages).
 *
 * wire and tRPC clients behave like the map (src/components/map/use-board-live.ts): a "job left the board" event is
 * recorded (the map drops the pin locally). Once every client has every closed event ("CLOSED_DONE"), the process
 * fetches the board view once and gives each client that answer as its map's (maps first open here; their first
 * fetch is not what is measured), then prints "VIEWS_READY". A "job opened" event is applied to the client's view
 * as the map applies it (src/lib/board-live.ts); when the map would refetch instead, the client refetches
 * `jobs.board` over HTTP (once per burst, after the map's random delay, src/lib/board-refresh.ts) and counts it.
 * BENCH_PIN_MODE=refetch makes every new pin refetch, as maps did before they applied pins themselves.
 *
 * Prints "READY" once every client is subscribed, "WARM_DONE cpu=<ms>" once every client has the first BENCH_WARMUP
 * closed events (when set), "CLOSED_DONE cpu=<ms>" once every client has `closedExpected` closed
 * events ("CLOSED_TWICE_DONE" at twice that, for a second series), then one JSON line when every client also shows `openedExpected` new pins and no refetch is pending:
 * { received: { jobId: [[receivedAtMs, sentAtMs], …] }, pins: { jobId: [shownAtMs, …] }, refetches, refetchErrors },
 * where sentAtMs is the event log's append time (the stream id) for tRPC and the publisher's clock for raw.
 *
 * Usage: tsx scripts/bench/realtime-clients.ts <wire|trpc|raw> <baseUrl> <clients> <closedExpected> [openedExpected]
 */
import superjson, { type SuperJSONResult } from "superjson";
import WebSocket from "ws";
import { applyOpenedToView, REFETCH, type BoardViewLike } from "../../src/lib/board-live";
import { boardRefetchDelayMs } from "../../src/lib/board-refresh";
import type { BoardJob } from "../../src/lib/schemas/board";
import { nodeClient } from "../../src/test/trpc-ws-client";

const [mode, baseUrl, clientsArg, closedArg, openedArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const closedExpected = Number(closedArg);
const openedExpected = Number(openedArg ?? 0);
/** The first closed events of a series, sent to warm both ends up (the bench leaves them out of its figures). */
const warmExpected = Number(process.env.BENCH_WARMUP ?? 0);
const PIN_MODE = process.env.BENCH_PIN_MODE ?? "apply";
const NYC = { south: 40.4, west: -74.4, north: 41.1, east: -73.5 };
const QUERY = { bounds: NYC, zoom: 11 };

const received = new Map<string, [number, number][]>();
const pins = new Map<string, number[]>();
let refetches = 0;
let refetchErrors = 0;
let ready = 0;
let warmDone = 0;
let closedDone = 0;
let closedTwiceDone = 0;
let allDone = 0;
let finished = false;

function finish() {
  if (finished) return;
  finished = true;
  // Exit only once the (large) line is flushed to the pipe.
  process.stdout.write(JSON.stringify({ received: Object.fromEntries(received), pins: Object.fromEntries(pins), refetches, refetchErrors }) + "\n", () => process.exit(0));
}

setTimeout(() => {
  const views = firstView ? "have" : "do not have";
  process.stderr.write(
    `timeout: ${closedDone}/${clients} clients have every closed event, ${closedTwiceDone}/${clients} the second series; maps ${views} a view; ${allDone}/${clients} are done\n`,
  );
  finish();
}, Number(process.env.BENCH_TIMEOUT_MS ?? 400_000)).unref();

type State = {
  closed: number;
  /** New pins this map shows. */
  shown: Set<string>;
  view: BoardViewLike | null;
  /** New pins waiting for a refetch to show them. */
  waiting: Set<string>;
  timer: boolean;
  inFlight: boolean;
  done: boolean;
};

function checkDone(s: State) {
  if (s.done || s.closed < closedExpected || s.shown.size < openedExpected || s.timer || s.inFlight) return;
  s.done = true;
  if (++allDone === clients) finish();
}

/** The one answer every map starts from, fetched once the claims are over (see the header). */
let firstView: BoardViewLike | null = null;
const states: State[] = [];

/** This process's CPU time so far (user + system), in ms. */
function cpuMsSoFar(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

function onClosed(s: State, jobId: string, sentAt: number) {
  const at = Date.now();
  let list = received.get(jobId);
  if (!list) received.set(jobId, (list = []));
  list.push([at, sentAt]);
  ++s.closed;
  if (warmExpected > 0 && s.closed === warmExpected && ++warmDone === clients) process.stdout.write(`WARM_DONE cpu=${cpuMsSoFar()}\n`);
  if (s.closed === closedExpected && ++closedDone === clients) {
    process.stdout.write(`CLOSED_DONE cpu=${cpuMsSoFar()}\n`);
    if (mode !== "raw") void fetchView().then(openMaps);
  }
  // The bench's second series of closes (appended straight to the log, without claims).
  if (s.closed === 2 * closedExpected && ++closedTwiceDone === clients) process.stdout.write("CLOSED_TWICE_DONE\n");
  checkDone(s);
}

function openMaps(view: BoardViewLike) {
  firstView = view;
  for (const st of states) st.view = view;
  process.stdout.write("VIEWS_READY\n");
}

function show(s: State, view: BoardViewLike, ids: Iterable<string>) {
  const at = Date.now();
  const held = new Set(view.kind === "pins" ? view.jobs.map((j) => j.id) : []);
  for (const id of ids) {
    if (s.shown.has(id) || (view.kind === "pins" && !held.has(id))) continue;
    s.shown.add(id);
    let list = pins.get(id);
    if (!list) pins.set(id, (list = []));
    list.push(at);
  }
}

/** A "job opened" event, as the map handles it: applied to the view, or a refetch once per burst. */
function onOpened(s: State, job: BoardJob, query: () => Promise<BoardViewLike>) {
  if (!s.view) throw new Error("a new pin arrived before the maps had their first view");
  if (PIN_MODE !== "refetch") {
    const next = applyOpenedToView(s.view, [job], QUERY);
    if (next !== REFETCH) {
      s.view = next;
      show(s, next, [job.id]);
      return checkDone(s);
    }
  }
  s.waiting.add(job.id);
  if (s.timer || s.inFlight) return;
  s.timer = true;
  const refetch = () => {
    s.timer = false;
    s.inFlight = true;
    const ids = [...s.waiting];
    s.waiting.clear();
    refetches++;
    query()
      .then((view) => {
        s.view = view;
        show(s, view, ids);
      })
      .catch(() => {
        refetchErrors++;
        for (const id of ids) s.waiting.add(id);
      })
      .finally(() => {
        s.inFlight = false;
        if (s.waiting.size > 0 && !s.timer) {
          s.timer = true;
          setTimeout(refetch, boardRefetchDelayMs());
        }
        checkDone(s);
      });
  };
  setTimeout(refetch, boardRefetchDelayMs());
}

const boardUrl = `${baseUrl}/api/trpc/jobs.board?input=${encodeURIComponent(JSON.stringify(superjson.serialize(QUERY)))}`;
async function fetchView(): Promise<BoardViewLike> {
  const res = await fetch(boardUrl);
  if (!res.ok) throw new Error(String(res.status));
  const body = (await res.json()) as { result: { data: SuperJSONResult } };
  return superjson.deserialize<BoardViewLike>(body.result.data);
}

for (let i = 0; i < clients; i++) {
  const s: State = { closed: 0, shown: new Set(), view: firstView, waiting: new Set(), timer: false, inFlight: false, done: false };
  states.push(s);
  if (mode === "wire") {
    const ws = new WebSocket(baseUrl!.replace(/^http/, "ws") + "/api/trpc-ws");
    ws.on("open", () => ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "jobs.onBoardChange", input: superjson.serialize({ bounds: NYC }) } })));
    ws.on("message", (raw) => {
      const text = String(raw);
      // tRPC's keep-alive: answer as its client does.
      if (text === "PING") return void ws.send("PONG");
      const msg = JSON.parse(text) as { result?: { type: string; id?: string; data?: SuperJSONResult & { json: { data: { type: string; jobId?: string } } } } };
      if (msg.result?.type === "started") {
        if (++ready === clients) process.stdout.write("READY\n");
        return;
      }
      if (msg.result?.type !== "data" || !msg.result.id) return;
      const event = msg.result.data!.json.data;
      const sentAt = Number(msg.result.id.split("-")[0]);
      if (event.type === "job.closed") onClosed(s, event.jobId!, sentAt);
      else if (event.type === "job.opened") {
        // Only a new pin needs its dates back (superjson), as the map's client gets them.
        const { data } = superjson.deserialize<{ data: { job: BoardJob } }>(msg.result.data!);
        onOpened(s, data.job, fetchView);
      }
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
          else if (data.type === "job.opened") onOpened(s, data.job, () => client.jobs.board.query(QUERY));
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
