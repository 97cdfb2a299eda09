/**
 * Outgoing requests to addresses a user supplied (push endpoints) go only to the public internet: https, a host
 * name (no IP literals) that resolves only to public unicast addresses. Checked when the address is stored and
 * again right before each request, so a name that later points inward is refused then too. Callers must also
 * refuse redirects (`redirect: "manual"`), since a public server could bounce the request inward.
 * PUSH_ENDPOINT_TEST_HOSTS lists hosts exempt from the network checks (tests' fake push service only).
 */
import dns from "node:dns/promises";
import net from "node:net";
import { env } from "@/env";

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128], ["::1", 128], ["::ffff:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23],
  ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked.addSubnet(prefix, bits, "ipv6");

export function isPublicAddress(address: string): boolean {
  const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
  return family !== null && !blocked.check(address, family);
}

const testHosts = () => new Set((env.PUSH_ENDPOINT_TEST_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean));

/** Why `endpoint` may not be called, or null when it may. */
export async function publicEndpointProblem(endpoint: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "not a URL";
  }
  if (testHosts().has(url.hostname)) return null;
  if (url.protocol !== "https:") return "not https";
  if (url.username || url.password) return "credentials in the URL";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host)) return "an IP address instead of a host name";
  if (!host.includes(".") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return "not a public host name";
  const addresses = await dns.lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (addresses.length === 0) return "the host name does not resolve";
  if (addresses.some((a) => !isPublicAddress(a.address))) return "the host name resolves to a private address";
  return null;
}
