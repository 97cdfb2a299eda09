import "server-only";
/** tRPC for React Server Components: calls procedures directly, with the request's session. */
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionFromHeaders } from "@/server/auth/session";

const createContext = cache(async () => {
  const h = new Headers(await headers());
  h.set("x-trpc-source", "rsc");
  return createTRPCContext({ headers: h, session: await getSessionFromHeaders(h) });
});

export const serverApi = async () => createCaller(await createContext());
