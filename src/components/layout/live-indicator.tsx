"use client";
import { useTranslations } from "next-intl";
import { useLiveStatus } from "@/trpc/live-status";


export function LiveIndicator() {
  const t = useTranslations("board");
  const status = useLiveStatus();
  const dot = status === "live" ? "bg-green-500" : "bg-amber-500 animate-pulse";
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-white/90 px-2.5 py-1 text-xs font-medium shadow" data-testid="live-status" data-status={status}>
      <span className={`h-2 w-2 rounded-full ${dot}`} aria-hidden />
      {t(`live.${status}`)}
    </span>
  );
}
