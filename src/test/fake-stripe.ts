/**
 * A fake Stripe API on 127.0.0.1 (random port) for integration tests: records every request (method, path,
 * form body, Idempotency-Key header) and answers with the smallest JSON objects the provider reads.
 * Point a client at it with `createStripeClient("sk_test_fake", fake.url)`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; body: Record<string, string>; idempotencyKey: string | undefined };

type Route = { method: string; pattern: RegExp; reply: (match: RegExpMatchArray, body: Record<string, string>) => object | { status: number; body: object } };

/** A card that Stripe declines (402 card_declined), like Stripe's own test card `pm_card_chargeDeclined`. */
export const DECLINED_PAYMENT_METHOD = "pm_card_chargeDeclined";

export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  let seq = 0;
  const next = (prefix: string) => `${prefix}_${++seq}`;
  /** What `GET /v1/payment_intents/:id` says (default requires_capture); tests set it to play the customer. */
  const intentStatus = new Map<string, string>();
  /** The card behind an intent (default pm_card); a test sets DECLINED_PAYMENT_METHOD to make its card refuse. */
  const intentCard = new Map<string, string>();
  // What was created, for the list endpoints (reconciliation): Stripe's own records as the fake knows them.
  const now = () => Math.floor(Date.now() / 1000);
  type Stored = { id: string; object: string; created: number; amount: number; metadata: Record<string, string>; [k: string]: unknown };
  const intents = new Map<string, Stored>();
  const transfers: Stored[] = [];
  const refunds: Stored[] = [];
  const metadataOf = (body: Record<string, string>) =>
    Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]));
  const list = (url: string, data: Stored[], body: Record<string, string>) => {
    const gte = Number(body["created[gte]"] ?? 0);
    return { object: "list", has_more: false, url, data: data.filter((d) => d.created >= gte) };
  };
  const routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/customers$/, reply: () => ({ id: next("cus"), object: "customer" }) },
    {
      method: "POST", pattern: /^\/v1\/payment_intents$/,
      reply: (_m, body) => {
        if (body.payment_method === DECLINED_PAYMENT_METHOD) {
          return { status: 402, body: { error: { type: "card_error", code: "card_declined", message: "Your card was declined." } } };
        }
        // Without a card to confirm with, the customer has to confirm it in the browser.
        const status = !body.payment_method ? "requires_payment_method" : body.capture_method === "manual" ? "requires_capture" : "succeeded";
        const amount = Number(body.amount);
        const intent = {
          id: next("pi"), object: "payment_intent", created: now(), amount, metadata: metadataOf(body), client_secret: "pi_secret_x", status,
          amount_received: status === "succeeded" ? amount : 0,
        };
        intents.set(intent.id, intent);
        return intent;
      },
    },
    {
      method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      reply: (m, body) => {
        const stored = intents.get(m[1]!);
        if (stored) Object.assign(stored, { status: "succeeded", amount_received: Number(body.amount_to_capture ?? stored.amount) });
        return { id: m[1], object: "payment_intent", status: "succeeded", latest_charge: `ch_for_${m[1]}` };
      },
    },
    {
      method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      reply: (m) => {
        const stored = intents.get(m[1]!);
        if (stored) stored.status = "canceled";
        return { id: m[1], object: "payment_intent", status: "canceled" };
      },
    },
    {
      method: "GET", pattern: /^\/v1\/payment_intents$/,
      reply: (_m, body) => list("/v1/payment_intents", [...intents.values()].map((i) => ({ ...i, status: intentStatus.get(i.id) ?? i.status })), body),
    },
    { method: "GET", pattern: /^\/v1\/transfers$/, reply: (_m, body) => list("/v1/transfers", transfers, body) },
    { method: "GET", pattern: /^\/v1\/refunds$/, reply: (_m, body) => list("/v1/refunds", refunds, body) },
    {
      method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      reply: (m) => ({
        id: m[1], object: "payment_intent", payment_method: intentCard.get(m[1]!) ?? "pm_card", customer: "cus_1", latest_charge: `ch_for_${m[1]}`,
        status: intentStatus.get(m[1]!) ?? "requires_capture",
      }),
    },
    {
      // An invoice's payment: its PaymentIntent is `pi_for_<invoice id>`.
      method: "GET", pattern: /^\/v1\/invoice_payments$/,
      reply: (_m, body) => ({
        object: "list", has_more: false, url: "/v1/invoice_payments",
        data: [{ id: next("inpay"), object: "invoice_payment", status: "paid", payment: { type: "payment_intent", payment_intent: `pi_for_${body.invoice}` } }],
      }),
    },
    {
      method: "POST", pattern: /^\/v1\/transfers$/,
      reply: (_m, body) => {
        const transfer = { id: next("tr"), object: "transfer", created: now(), amount: Number(body.amount), metadata: metadataOf(body) };
        transfers.push(transfer);
        return transfer;
      },
    },
    { method: "POST", pattern: /^\/v1\/transfers\/([^/]+)\/reversals$/, reply: () => ({ id: next("trr"), object: "transfer_reversal" }) },
    { method: "POST", pattern: /^\/v1\/invoices\/([^/]+)\/void$/, reply: (m) => ({ id: m[1], object: "invoice", status: "void" }) },
    {
      method: "POST", pattern: /^\/v1\/refunds$/,
      reply: (_m, body) => {
        const refund = { id: next("re"), object: "refund", status: "succeeded", created: now(), amount: Number(body.amount), payment_intent: body.payment_intent, metadata: metadataOf(body) };
        refunds.push(refund);
        return refund;
      },
    },
    { method: "POST", pattern: /^\/v1\/accounts$/, reply: () => ({ id: next("acct"), object: "account", payouts_enabled: false, details_submitted: false }) },
    { method: "POST", pattern: /^\/v1\/account_links$/, reply: () => ({ object: "account_link", url: "https://connect.stripe.test/setup/s/abc" }) },
    { method: "POST", pattern: /^\/v1\/prices$/, reply: () => ({ id: next("price"), object: "price", product: next("prod") }) },
    {
      // With a first-visit charge the subscription waits for it (default_incomplete); without, its first invoice is $0.
      method: "POST", pattern: /^\/v1\/subscriptions$/,
      reply: (_m, body) => {
        const charged = Object.keys(body).some((k) => k.startsWith("add_invoice_items"));
        return {
          id: next("sub"), object: "subscription", status: charged ? "incomplete" : "active",
          latest_invoice: { id: next("in"), object: "invoice", confirmation_secret: charged ? { client_secret: "in_secret_x", type: "payment_intent" } : null },
        };
      },
    },
    {
      method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/,
      reply: (m) => ({
        id: m[1], object: "subscription", status: "incomplete",
        latest_invoice: { id: `in_open_${m[1]}`, object: "invoice", status: "open", confirmation_secret: { client_secret: "in_open_secret_x", type: "payment_intent" } },
      }),
    },
    { method: "POST", pattern: /^\/v1\/subscriptions\/([^/]+)$/, reply: (m) => ({ id: m[1], object: "subscription", status: "active" }) },
    { method: "DELETE", pattern: /^\/v1\/subscriptions\/([^/]+)$/, reply: (m) => ({ id: m[1], object: "subscription", status: "canceled" }) },
  ];

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      // A GET's parameters come in the query string.
      const body = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : raw));
      const header = req.headers["idempotency-key"];
      requests.push({ method: req.method ?? "", path: url.pathname, body, idempotencyKey: Array.isArray(header) ? header[0] : header });
      for (const route of routes) {
        const match = route.method === req.method ? url.pathname.match(route.pattern) : null;
        if (match) {
          const reply = route.reply(match, body);
          const [status, json] = "status" in reply && typeof reply.status === "number" ? [reply.status, reply.body] : [200, reply];
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
          return;
        }
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `No fake for ${req.method} ${url.pathname}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    intentStatus,
    intentCard,
    /** Stripe's records as the fake holds them; a test edits them to play a difference. */
    records: { intents, transfers, refunds },
    /** Requests made since `from` (an index into `requests`). */
    since: (from: number) => requests.slice(from),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
