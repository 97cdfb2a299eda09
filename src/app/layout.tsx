import type { Metadata, Viewport } from "next";
import "leaflet/dist/leaflet.css";
import "./globals.css";
import { SiteHeader } from "@/components/layout/site-header";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = {
  title: { default: "Scoop", template: "%s · Scoop" },
  description: "Dog-waste yard cleanups, posted by neighbours and done by local scoopers.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#178a48" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-full flex-col bg-white font-sans text-slate-900 antialiased">
        <TRPCReactProvider>
          <SiteHeader />
          {children}
        </TRPCReactProvider>
      </body>
    </html>
  );
}
