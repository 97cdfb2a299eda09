import { TRPCReactProvider } from "@/trpc/react";

/**
 * The pages that call tRPC from the browser. The provider (React Query, the tRPC client, superjson, the
 * WebSocket link) lives here and not in the root layout, so pages without it — sign-in, the landing page, the
 * legal and offline pages — do not download it (issue 16's byte budgets). The header's bell and the map bring
 * their own (one shared client, src/trpc/react.tsx). A route group: URLs do not change.
 */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
