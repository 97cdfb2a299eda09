import "server-only";
/** tRPC for React Server Components: calls procedures directly, with the request's session. */
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getCurrentSession } from "@/server/auth/current-session";

const createContext = cache(async () => {
  const h = new Headers(await headers());
  h.set("x-trpc-source", "rsc");
  return createTRPCContext({ headers: h, session: await getCurrentSession() });
});

export const serverApi = async () => createCaller(await createContext());
