"use client";
/**
 * The browser's tRPC client and the React Query provider. Not in the root layout: pages that call tRPC from the
 * browser get it from the `(app)` route group's layout, and the islands that live outside it (the header's bell,
 * the map) wrap themselves in it, so a page without them (sign-in, the legal pages) downloads none of this
 * (issue 16's byte budgets). In the browser the query client and the tRPC client are one each, however many
 * providers a page holds: one cache, one WebSocket.
 */
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createWSClient, httpBatchStreamLink, loggerLink, splitLink, wsLink, type TRPCLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { setLiveStatus } from "./live-status";
import { makeQueryClient } from "./query-client";

let clientQueryClientSingleton: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (clientQueryClientSingleton ??= makeQueryClient());
}

export const api = createTRPCReact<AppRouter>();
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

function getBaseUrl() {
  if (typeof window !== "undefined") return window.location.origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Subscriptions go over one WebSocket (same origin, same cookie); everything else over batched HTTP. */
function transportLink(): TRPCLink<AppRouter> {
  const http = httpBatchStreamLink<AppRouter>({
    transformer: superjson,
    url: getBaseUrl() + "/api/trpc",
    headers: () => ({ "x-trpc-source": "nextjs-react" }),
  });
  if (typeof window === "undefined") return http;
  const wsClient = createWSClient({
    url: `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}/api/trpc-ws`,
    onOpen: () => setLiveStatus("live"),
    onClose: () => setLiveStatus("reconnecting"),
  });
  return splitLink({ condition: (op) => op.type === "subscription", true: wsLink<AppRouter>({ client: wsClient, transformer: superjson }), false: http });
}

function makeTrpcClient() {
  return api.createClient({
    links: [
      loggerLink({
        enabled: (op) => process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
      }),
      transportLink(),
    ],
  });
}

type TrpcClient = ReturnType<typeof makeTrpcClient>;
let clientTrpcSingleton: TrpcClient | undefined;
function getTrpcClient() {
  if (typeof window === "undefined") return makeTrpcClient();
  return (clientTrpcSingleton ??= makeTrpcClient());
}

export function TRPCReactProvider(props: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(getTrpcClient);

  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {props.children}
      </api.Provider>
    </QueryClientProvider>
  );
}
