import type { Metadata, Viewport } from "next";
import "leaflet/dist/leaflet.css";
import "./globals.css";
import { IntlWarmup } from "@/components/layout/intl-warmup";
import { ServiceWorkerRegistration } from "@/components/layout/service-worker-registration";
import { SiteHeader } from "@/components/layout/site-header";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorWordsProvider } from "@/components/ui/error-words";
import type { Locale } from "@/lib/i18n/locales";
import { getCurrentSession } from "@/server/auth/current-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return {
    title: { default: "Scoop", template: "%s · Scoop" },
    description: t("description"),
    // The manifest link comes from src/app/manifest.ts; iOS reads its own tags for the home-screen app.
    appleWebApp: { capable: true, title: "Scoop", statusBarStyle: "default" },
    icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#157f42" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Read here (an entry point) and handed down: components import no server code.
  const session = await getCurrentSession();
  // The request's language (src/i18n/request.ts). No client catalogue here: the (app) group and the islands that
  // translate in the browser bring their own (src/components/i18n/intl-island.tsx).
  const [locale, t, tp] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("pages")]);
  const errorWords = {
    title: tp("error.title"),
    body: tp("error.body"),
    retry: tp("error.retry"),
    // The digest is filled in by the boundary: the placeholder stays for it.
    reference: tp("error.reference", { digest: "{digest}" }),
    links: { home: tp("deadEnd.home"), board: tp("deadEnd.board") },
  };
  return (
    <html lang={locale}>
      <body className="flex min-h-full flex-col bg-white font-sans text-slate-900 antialiased">
        <ErrorWordsProvider words={errorWords}>
          <a href="#content" className="skip-link">
            {t("skipToContent")}
          </a>
          <ServiceWorkerRegistration />
          <IntlWarmup locale={locale as Locale} />
          <SiteHeader user={session?.user ?? null} blocked={!!session?.blocked} />
          {/* The skip link's target: every page's main content follows the header. */}
          <div id="content" tabIndex={-1} className="flex flex-1 flex-col focus:outline-none">
            {children}
          </div>
        </ErrorWordsProvider>
      </body>
    </html>
  );
}
