"use client";
/**
 * The header bell: unread count, the latest notifications, mark read / mark all read. Live: `notifications.onNew`
 * (over the app's one WebSocket) refetches the list when a notification arrives. Loaded after the page by
 * ./notification-bell.tsx, with its own tRPC and next-intl providers: the header is on every page, the query code
 * and the message formatter are not.
 */
import Link from "next/link";
import { NextIntlClientProvider, useLocale, useTranslations, type AbstractIntlMessages } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { api, TRPCReactProvider } from "@/trpc/react";
import { BellButton } from "./bell-button";
import { PushOptIn } from "./push-opt-in";

export function NotificationBellLive({ locale, messages }: { locale: Locale; messages: AbstractIntlMessages }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <TRPCReactProvider>
        <Bell />
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}

function Bell() {
  const t = useTranslations("notifications-ui");
  const locale = useLocale() as Locale;
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const utils = api.useUtils();
  const list = api.notifications.list.useQuery({ limit: 20 });
  const markRead = api.notifications.markRead.useMutation({ onSuccess: () => utils.notifications.invalidate() });
  const markAllRead = api.notifications.markAllRead.useMutation({ onSuccess: () => utils.notifications.invalidate() });
  api.notifications.onNew.useSubscription(undefined, { onData: () => void utils.notifications.invalidate() });

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (panel.current && !panel.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const unread = list.data?.unread ?? 0;
  return (
    <div className="relative" ref={panel}>
      <BellButton label={unread ? t("bellUnread", { count: unread }) : t("title")} unread={unread} open={open} onClick={() => setOpen((o) => !o)} />
      {open && (
        // Phones: pinned under the header across the screen (the bell sits mid-row, so a panel hung from it ran
        // off the left edge at 390 px); wider screens: hung from the bell. Above the map's own overlays (z 1000).
        <div
          className="fixed inset-x-2 top-14 z-[1100] rounded-lg border bg-white shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-80"
          data-testid="notification-panel"
        >
          <div className="flex items-center justify-between border-b px-3 py-2">
            <span className="text-sm font-semibold">{t("title")}</span>
            <button
              type="button"
              className="text-xs font-medium text-brand-700 disabled:text-slate-400"
              disabled={unread === 0 || markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              {t("markAllRead")}
            </button>
          </div>
          <ul className="max-h-[60vh] overflow-y-auto sm:max-h-96">
            {list.data?.items.length === 0 && <li className="px-3 py-6 text-center text-sm text-slate-600">{t("nothing")}</li>}
            {list.data?.items.map((n) => (
              <li key={n.id} className={`border-b px-3 py-2 text-sm last:border-0 ${n.readAt ? "" : "bg-brand-50"}`} data-testid="notification-item" data-read={!!n.readAt}>
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    {n.url ? (
                      <Link href={n.url} className="font-medium text-slate-900" onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}>
                        {n.title}
                      </Link>
                    ) : (
                      <span className="font-medium text-slate-900">{n.title}</span>
                    )}
                    <p className="text-slate-600">{n.body}</p>
                    <time className="text-xs text-slate-600" dateTime={n.createdAt.toISOString()} title={formatDateTime(n.createdAt, { locale })}>
                      {formatRelative(n.createdAt, new Date(), { locale })}
                    </time>
                  </div>
                  {!n.readAt && (
                    <button type="button" className="shrink-0 text-xs text-brand-700" onClick={() => markRead.mutate({ ids: [n.id] })}>
                      {t("markRead")}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="border-t px-3 py-2">
            <PushOptIn compact />
          </div>
        </div>
      )}
    </div>
  );
}
