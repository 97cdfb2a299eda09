"use client";
/**
 * The header's bell on every signed-in page. Its query code (tRPC, React Query, the WebSocket) and its words load
 * after the page, in its own chunk, so a page that calls no tRPC itself stays light (issue 16); until then the
 * placeholder, the same button disabled and labelled by the server's header, holds its place.
 */
import dynamic from "next/dynamic";
import { createContext, useContext } from "react";
import { BellButton } from "./bell-button";

const PlaceholderLabel = createContext("");

function Placeholder() {
  return <BellButton label={useContext(PlaceholderLabel)} unread={0} open={false} />;
}

const LiveBell = dynamic(() => import("./notification-bell-live").then((m) => m.NotificationBellLive), {
  ssr: false,
  loading: () => <Placeholder />,
});

export function NotificationBell({ label }: { label: string }) {
  return (
    <PlaceholderLabel.Provider value={label}>
      <LiveBell />
    </PlaceholderLabel.Provider>
  );
}
