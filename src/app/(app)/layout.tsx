import { IntlIsland } from "@/components/i18n/intl-island";
import { CLIENT_NAMESPACES } from "@/i18n/messages";
import { TRPCReactProvider } from "@/trpc/react";

/**
 * The pages that call tRPC and translate in the browser. The tRPC provider (React Query, the tRPC client,
 * superjson, the WebSocket link) and next-intl's client provider live here and not in the root layout, so pages
 * without them — sign-in, the landing page, the legal and offline pages — do not download them (issue 16's byte
 * budgets). The header's bell and the home page's map bring their own (one shared tRPC client, src/trpc/react.tsx;
 * src/components/i18n/intl-island.tsx). A route group: URLs do not change.
 */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <IntlIsland namespaces={CLIENT_NAMESPACES}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </IntlIsland>
  );
}
