/**
 * A Nominatim-compatible geocoder for the e2e run (GEOCODER_URL points here; playwright.config.ts starts it), so
 * the post form's "the pin follows the address" is tested without reaching a real provider. It knows one street,
 * "Geocode Lane"; everything else is not found, as a provider answers for an address it does not know.
 */
import { createServer } from "node:http";

export const FAKE_GEOCODER_MATCH = { display_name: "77 Geocode Lane, Brooklyn, NY 11211", lat: "40.7123456", lon: "-73.9543210" };

const port = Number(process.env.E2E_GEOCODER_PORT ?? 3199);
createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return void res.writeHead(200).end("ok");
  const q = (url.searchParams.get("q") ?? "").toLowerCase();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(q.includes("geocode lane") ? [FAKE_GEOCODER_MATCH] : []));
}).listen(port, "127.0.0.1");
