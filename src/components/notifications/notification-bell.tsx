"use client";
/**
 * The header's bell on every signed-in page. Its query code (tRPC, React Query, the WebSocket) and its words load
 * after the page, in its own chunk, so a page that calls no tRPC itself stays light (issue 16); until then the
 * placeholder, the same button disabled and labelled by the server's header, holds its place.
 */
import type { AbstractIntlMessages } from "next-intl";
import dynamic from "next/dynamic";
import { createContext, useContext } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { BellButton } from "./bell-button";

const PlaceholderLabel = createContext("");

function Placeholder() {
  return <BellButton label={useContext(PlaceholderLabel)} unread={0} open={false} />;
}

const LiveBell = dynamic(() => import("./notification-bell-live").then((m) => m.NotificationBellLive), {
  ssr: false,
  loading: () => <Placeholder />,
});

/**
 * `messages` is the bell's own catalogue (`notifications-ui`), handed over by the server's header: the live bell
 * brings next-intl's client provider in its lazy chunk, so pages that translate nothing in the browser never
 * download its formatter (a provider imported by the root layout would be in every page's first chunks).
 */
export function NotificationBell({ label, locale, messages }: { label: string; locale: Locale; messages: AbstractIntlMessages }) {
  return (
    <PlaceholderLabel.Provider value={label}>
      <LiveBell locale={locale} messages={messages} />
    </PlaceholderLabel.Provider>
  );
}
