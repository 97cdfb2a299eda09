"use client";
import { useLocale, useTranslations } from "next-intl";
import { removePhoto, type QueuedPhoto, type QueuedCompletion } from "@/lib/offline/offline-store";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";

/** The `offline` catalogue's words for a photo's state (a queued one says whether it waits for signal). */
const photoStateKey = (state: QueuedPhoto["state"], online: boolean) =>
  state === "queued" ? `photoState.queued.${online ? "online" : "offline"}` : `photoState.${state}`;

/** Photos taken on this device for a job and where each one is: saved, uploading, uploaded or refused. */
export function QueuedPhotos({ photos, online }: { photos: QueuedPhoto[]; online: boolean }) {
  const t = useTranslations("offline");
  if (photos.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" aria-label={t("photosLabel")} data-testid="queued-photos">
      {photos.map((p) => (
        <li key={p.key} className="flex items-center justify-between gap-2 rounded border px-2 py-1" data-testid="queued-photo" data-state={p.state}>
          <span className="min-w-16 flex-1 truncate">{p.name}</span>
          <span className={`max-w-[65%] text-right ${p.state === "failed" ? "text-red-700" : p.state === "uploaded" ? "text-brand-700" : "text-slate-700"}`}>
            {t(photoStateKey(p.state, online))}
          </span>
          {p.state === "failed" && (
            <button type="button" className="font-semibold text-brand-700 underline" onClick={() => void removePhoto(p.key)}>
              {t("remove")}
            </button>
          )}
        </li>
      ))}
      {photos.filter((p) => p.error).map((p) => (
        <li key={`${p.key}-error`} className="text-xs text-red-700">
          {p.name}: {p.error}
        </li>
      ))}
    </ul>
  );
}

/** "Marked done at 3:12 PM": a completion waiting on this phone for its photos or for signal. */
export function QueuedCompletionNote({ completion, online }: { completion: QueuedCompletion; online: boolean }) {
  const t = useTranslations("offline");
  const locale = useLocale() as Locale;
  if (completion.state === "failed") {
    return (
      <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="queued-completion" data-state="failed">
        {t("completionRefused", { error: completion.error ?? "" })}
      </p>
    );
  }
  return (
    <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="queued-completion" data-state={completion.state}>
      {t("markedDone", { when: formatDateTime(new Date(completion.tappedAt), { locale }) })}{" "}
      {online ? t("sendingAfterPhotos") : t("noSignalSend")}
    </p>
  );
}
