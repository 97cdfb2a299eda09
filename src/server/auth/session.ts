/**
 * Reads the signed-in user from a request. Sign-in arrives with the accounts issue (next-auth); until then
 * every request is anonymous, so only public procedures answer.
 */
import type { Session } from "@/server/api/trpc";

export async function getSessionFromHeaders(_headers: Headers): Promise<Session | null> {
  return null;
}
