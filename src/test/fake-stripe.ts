/**
 * A fake Stripe API on 127.0.0.1 (random port) for integration tests: records every request (method, path,
 * form body, Idempotency-Key header) and answers with the smallest JSON objects the provider reads.
 * Point a client at it with `createStripeClient("sk_test_fake", fake.url)`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; body: Record<string, string>; idempotencyKey: string | undefined };

type Route = { method: string; pattern: RegExp; reply: (match: RegExpMatchArray, body: Record<string, string>) => object };

export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  let seq = 0;
  const next = (prefix: string) => `${prefix}_${++seq}`;
  const routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/customers$/, reply: () => ({ id: next("cus"), object: "customer" }) },
    {
      method: "POST", pattern: /^\/v1\/payment_intents$/,
      reply: (_m, body) => ({
        id: next("pi"), object: "payment_intent", amount: Number(body.amount), client_secret: "pi_secret_x",
        status: body.capture_method === "manual" ? "requires_capture" : "succeeded",
      }),
    },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, reply: (m) => ({ id: m[1], object: "payment_intent", status: "succeeded", latest_charge: `ch_for_${m[1]}` }) },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, reply: (m) => ({ id: m[1], object: "payment_intent", status: "canceled" }) },
    { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, reply: (m) => ({ id: m[1], object: "payment_intent", payment_method: "pm_card", customer: "cus_1" }) },
    { method: "POST", pattern: /^\/v1\/transfers$/, reply: () => ({ id: next("tr"), object: "transfer" }) },
    { method: "POST", pattern: /^\/v1\/transfers\/([^/]+)\/reversals$/, reply: () => ({ id: next("trr"), object: "transfer_reversal" }) },
    { method: "POST", pattern: /^\/v1\/refunds$/, reply: () => ({ id: next("re"), object: "refund", status: "succeeded" }) },
    { method: "POST", pattern: /^\/v1\/accounts$/, reply: () => ({ id: next("acct"), object: "account", payouts_enabled: false, details_submitted: false }) },
    { method: "POST", pattern: /^\/v1\/account_links$/, reply: () => ({ object: "account_link", url: "https://connect.stripe.test/setup/s/abc" }) },
    { method: "POST", pattern: /^\/v1\/prices$/, reply: () => ({ id: next("price"), object: "price" }) },
    { method: "POST", pattern: /^\/v1\/subscriptions$/, reply: () => ({ id: next("sub"), object: "subscription", status: "incomplete" }) },
    { method: "DELETE", pattern: /^\/v1\/subscriptions\/([^/]+)$/, reply: (m) => ({ id: m[1], object: "subscription", status: "canceled" }) },
  ];

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = Object.fromEntries(new URLSearchParams(raw));
      const header = req.headers["idempotency-key"];
      requests.push({ method: req.method ?? "", path: url.pathname, body, idempotencyKey: Array.isArray(header) ? header[0] : header });
      for (const route of routes) {
        const match = route.method === req.method ? url.pathname.match(route.pattern) : null;
        if (match) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(route.reply(match, body)));
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
    /** Requests made since `from` (an index into `requests`). */
    since: (from: number) => requests.slice(from),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
