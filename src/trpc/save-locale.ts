/**
 * The language switcher's one server call (accounts.setLocale), loaded only when a signed-in user switches: the
 * switcher sits in the root layout's header, outside any tRPC provider, and pages such as sign-in carry no tRPC
 * code (issue 16's byte budgets). A plain tRPC client over HTTP, typed by the same router.
 */
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { Locale } from "@/lib/i18n/locales";
import type { AppRouter } from "@/server/api/root";

export async function saveLocale(locale: Locale): Promise<void> {
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${window.location.origin}/api/trpc`, transformer: superjson, headers: () => ({ "x-trpc-source": "nextjs-react" }) })],
  });
  await client.accounts.setLocale.mutate({ locale });
}
