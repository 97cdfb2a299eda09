import type { Metadata, Viewport } from "next";
import "leaflet/dist/leaflet.css";
import "./globals.css";
import { ServiceWorkerRegistration } from "@/components/layout/service-worker-registration";
import { SiteHeader } from "@/components/layout/site-header";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CLIENT_NAMESPACES, pickNamespaces } from "@/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";

export const metadata: Metadata = {
  title: { default: "Scoop", template: "%s · Scoop" },
  description: "Dog-waste yard cleanups, posted by neighbours and done by local scoopers.",
  // The manifest link comes from src/app/manifest.ts; iOS reads its own tags for the home-screen app.
  appleWebApp: { capable: true, title: "Scoop", statusBarStyle: "default" },
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#157f42" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Read here (an entry point) and handed down: components import no server code.
  const session = await getCurrentSession();
  // The request's language (src/i18n/request.ts); the browser gets only the catalogues client components use.
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="flex min-h-full flex-col bg-white font-sans text-slate-900 antialiased">
        <NextIntlClientProvider locale={locale} messages={pickNamespaces(messages, CLIENT_NAMESPACES)}>
          <a href="#content" className="skip-link">
            {t("skipToContent")}
          </a>
          <ServiceWorkerRegistration />
          <SiteHeader user={session?.user ?? null} blocked={!!session?.blocked} />
          {/* The skip link's target: every page's main content follows the header. */}
          <div id="content" tabIndex={-1} className="flex flex-1 flex-col focus:outline-none">
            {children}
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
