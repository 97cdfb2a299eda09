"use client";
/**
 * The header's bell on every signed-in page. Its query code (tRPC, React Query, the WebSocket) loads after the
 * page, in its own chunk, so a page that calls no tRPC itself stays light (issue 16); until then the server's
 * placeholder, the same button disabled, holds its place.
 */
import dynamic from "next/dynamic";
import { BellButton } from "./bell-button";

export const NotificationBell = dynamic(() => import("./notification-bell-live").then((m) => m.NotificationBellLive), {
  ssr: false,
  loading: () => <BellButton unread={0} open={false} />,
});
