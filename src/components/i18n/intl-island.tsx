import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickNamespaces, type Namespace } from "@/i18n/messages";

/**
 * Where client components translate: next-intl's client provider with only the catalogues they use. It is not in
 * the root layout, because the provider brings the ICU message formatter (≈ 11 kB compressed) to every page that
 * renders it; pages whose client components get their words as props (sign-in, the landing page's text, the error
 * pages) stay without it (issue 16's byte budgets, docs/i18n.md). The (app) route group, the home page's map, the
 * offline page and the header's bell each render one.
 */
export async function IntlIsland({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickNamespaces(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
