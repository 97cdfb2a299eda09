/**
 * The public board channel's lean path on the tRPC WebSocket: `jobs.onBoardChange` subscriptions are answered
 * here instead of by tRPC's per-client procedure loop, so each board event is serialized once per process and
 * each client costs a filter and a send.
 *
 * Why: tRPC's handler runs one async-iterator chain per client and serializes (superjson + JSON.stringify) every
 * message per client; with 500 maps and 30 claims/s that was most of the web process's CPU (docs/architecture.md,
 * "Real time"). The wire messages are exactly tRPC's (`started`, `data` with the tracked id, `stopped`), so the
 * browser keeps `api.jobs.onBoardChange.useSubscription` typed from the router and resumes with `lastEventId`
 * like any tracked subscription. Any other message on the socket, or a board subscription whose input does not
 * parse, goes to tRPC unchanged (which answers the error in its own shape).
 */
import type { IncomingMessage } from "node:http";
import superjson from "superjson";
import type { WebSocket } from "ws";
import { z } from "zod";
import { boundsSchema, type Bounds } from "@/lib/geo";
import { logger } from "@/server/logger";
import { compareEventIds, readSince, type LoggedEvent } from "./event-log";
import { BOARD_CHANNEL, type BoardEvent } from "./events";
import { listen } from "./hub";

export const BOARD_SUBSCRIPTION_PATH = "jobs.onBoardChange";

export const boardChangeInputSchema = z.object({ bounds: boundsSchema, lastEventId: z.string().max(40).nullish() });

function inside(bounds: Bounds, lat: number, lng: number): boolean {
  if (lat < bounds.south || lat > bounds.north) return false;
  return bounds.west <= bounds.east ? lng >= bounds.west && lng <= bounds.east : lng >= bounds.west || lng <= bounds.east;
}

/** Who receives a board event: new pins only inside the viewer's map, and reserved ones only for their scooper. */
export function boardEventVisible(event: BoardEvent | { type: string }, bounds: Bounds, viewerId: string | null): boolean {
  if (event.type !== "job.opened") return true;
  const opened = event as Extract<BoardEvent, { type: "job.opened" }>;
  if (opened.onlyFor && opened.onlyFor !== viewerId) return false;
  return inside(bounds, opened.job.lat, opened.job.lng);
}

type RpcId = string | number;
type Subscriber = {
  ws: WebSocket;
  id: RpcId;
  jsonrpc: unknown;
  bounds: Bounds;
  viewerId: string | null;
  /** Which of an event's frames this subscription gets (its rpc id and jsonrpc tag). */
  frameKey: string;
  /** The last event id sent; later events with a smaller or equal id were already delivered by the back-fill. */
  last: string | null;
  /** Set until the held events are released: only then can a live event repeat one the back-fill sent. */
  dedupe: boolean;
  /** Live events held while the back-fill runs. */
  held: LoggedEvent[] | null;
};

type RpcMessage = { id?: RpcId | null; jsonrpc?: unknown; method?: string; params?: { path?: string; input?: unknown; lastEventId?: unknown } };

/** One event, serialized once: the JSON of `{ id, data }` as tRPC's tracked envelope, and per-subscription-id frames. */
class Outgoing {
  private readonly body: string;
  private readonly frames = new Map<string, Buffer>();
  constructor(readonly event: LoggedEvent) {
    this.body = JSON.stringify(superjson.serialize({ id: event.id, data: event.data }));
  }
  frame(sub: Pick<Subscriber, "id" | "jsonrpc" | "frameKey">): Buffer {
    const { id, jsonrpc, frameKey: key } = sub;
    let frame = this.frames.get(key);
    if (!frame) {
      const head = JSON.stringify(jsonrpc === undefined ? { id } : { id, jsonrpc }).slice(0, -1);
      frame = Buffer.from(`${head},"result":{"type":"data","id":${JSON.stringify(this.event.id)},"data":${this.body}}}`);
      this.frames.set(key, frame);
    }
    return frame;
  }
}

export class BoardFanout {
  private readonly subscribers = new Set<Subscriber>();
  private readonly bySocket = new Map<WebSocket, Map<RpcId, Subscriber>>();
  private readonly stop = new AbortController();
  private readonly started: Promise<void>;

  constructor(private readonly viewerOf: (ws: WebSocket, req: IncomingMessage) => Promise<string | null>) {
    this.started = this.follow();
  }

  get size(): number {
    return this.subscribers.size;
  }

  private async follow(): Promise<void> {
    const events = await listen(BOARD_CHANNEL, this.stop.signal);
    void (async () => {
      for await (const event of events) this.broadcast(event);
    })().catch((err) => logger.error({ err }, "board fan-out stopped"));
  }

  private broadcast(event: LoggedEvent): void {
    const out = new Outgoing(event);
    for (const sub of this.subscribers) {
      if (sub.held) sub.held.push(event);
      else this.deliver(sub, out);
    }
  }

  private deliver(sub: Subscriber, out: Outgoing): void {
    if (sub.dedupe) {
      if (sub.last && compareEventIds(out.event.id, sub.last) <= 0) return;
      sub.last = out.event.id;
    }
    if (!boardEventVisible(out.event.data as BoardEvent, sub.bounds, sub.viewerId)) return;
    if (sub.ws.readyState === 1) sub.ws.send(out.frame(sub), { binary: false });
  }

  /**
   * Takes the board subscriptions (and their stops) out of a raw WebSocket message. Returns what is left for tRPC:
   * the message itself when none was ours, null when all were, or the rest re-encoded.
   */
  intercept(ws: WebSocket, req: IncomingMessage, raw: string): string | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return raw;
    }
    const messages = (Array.isArray(parsed) ? parsed : [parsed]) as RpcMessage[];
    const rest = messages.filter((m) => !this.take(ws, req, m));
    if (rest.length === messages.length) return raw;
    if (rest.length === 0) return null;
    return JSON.stringify(rest.length === 1 ? rest[0] : rest);
  }

  private take(ws: WebSocket, req: IncomingMessage, msg: RpcMessage): boolean {
    if (!msg || typeof msg !== "object" || msg.id === null || msg.id === undefined) return false;
    if (msg.method === "subscription.stop") {
      const sub = this.bySocket.get(ws)?.get(msg.id);
      if (!sub) return false;
      this.remove(sub);
      this.respond(sub.ws, sub.id, sub.jsonrpc, { type: "stopped" });
      return true;
    }
    if (msg.method !== "subscription" || msg.params?.path !== BOARD_SUBSCRIPTION_PATH) return false;
    let input: z.infer<typeof boardChangeInputSchema>;
    try {
      const raw = msg.params.input === undefined ? {} : superjson.deserialize(msg.params.input as Parameters<typeof superjson.deserialize>[0]);
      // As tRPC does: a reconnecting client sends its last tracked id beside the input.
      const withLast = msg.params.lastEventId !== undefined && raw && typeof raw === "object" ? { ...raw, lastEventId: msg.params.lastEventId } : raw;
      const result = boardChangeInputSchema.safeParse(withLast);
      if (!result.success) return false;
      input = result.data;
    } catch {
      return false;
    }
    if (this.bySocket.get(ws)?.has(msg.id)) return false; // tRPC answers a duplicate id with its own error
    void this.subscribe(ws, req, msg.id, msg.jsonrpc, input).catch((err) => logger.error({ err }, "board subscription failed"));
    return true;
  }

  private async subscribe(ws: WebSocket, req: IncomingMessage, id: RpcId, jsonrpc: unknown, input: z.infer<typeof boardChangeInputSchema>) {
    const frameKey = `${typeof id}:${id}:${String(jsonrpc)}`;
    const sub: Subscriber = { ws, id, jsonrpc, frameKey, bounds: input.bounds, viewerId: null, last: null, dedupe: true, held: [] };
    let mine = this.bySocket.get(ws);
    if (!mine) {
      this.bySocket.set(ws, (mine = new Map()));
      ws.once("close", () => {
        for (const s of this.bySocket.get(ws)?.values() ?? []) this.subscribers.delete(s);
        this.bySocket.delete(ws);
      });
    }
    mine.set(id, sub);
    // Listen first (held), then learn who is watching and back-fill, then release what was held, in order.
    this.subscribers.add(sub);
    await this.started;
    sub.viewerId = await this.viewerOf(ws, req);
    if (!this.subscribers.has(sub)) return; // stopped or closed meanwhile
    this.respond(ws, id, jsonrpc, { type: "started" });
    if (input.lastEventId) {
      const backlog = await readSince(BOARD_CHANNEL, input.lastEventId);
      if (backlog === "gap") {
        const resync: LoggedEvent = { id: `${Date.now()}-0`, data: { type: "resync" } };
        this.deliver(sub, new Outgoing(resync));
      } else {
        sub.last = input.lastEventId;
        for (const event of backlog) this.deliver(sub, new Outgoing(event));
      }
    }
    const held = sub.held ?? [];
    sub.held = null;
    for (const event of held) this.deliver(sub, new Outgoing(event));
    // From here every event is newer than anything sent: no more id comparisons per event.
    sub.dedupe = false;
  }

  private remove(sub: Subscriber): void {
    this.subscribers.delete(sub);
    this.bySocket.get(sub.ws)?.delete(sub.id);
  }

  private respond(ws: WebSocket, id: RpcId, jsonrpc: unknown, result: { type: "started" | "stopped" }): void {
    if (ws.readyState === 1) ws.send(JSON.stringify(jsonrpc === undefined ? { id, result } : { id, jsonrpc, result }));
  }

  close(): void {
    this.stop.abort();
    this.subscribers.clear();
    this.bySocket.clear();
  }
}
