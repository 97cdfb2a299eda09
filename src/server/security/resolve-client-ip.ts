/** Pure part of client-ip.ts (no settings), so unit tests can import it. */
export const UNKNOWN_IP = "unknown";

const normalize = (ip: string) => ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").toLowerCase();

export function resolveClientIp(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number): string {
  const hops = (forwardedFor ?? "").split(",").map(normalize).filter(Boolean);
  const chain = [...hops, socketAddress ? normalize(socketAddress) : UNKNOWN_IP];
  // More trusted hops than addresses means the request skipped a proxy: the left-most is the best we have.
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? UNKNOWN_IP;
}
