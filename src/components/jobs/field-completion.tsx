"use client";
/**
 * The scooper's after photos and "Mark done", working with or without signal: each photo is saved on the phone
 * (IndexedDB) with its own idempotency key and uploaded from there; "Mark done" is saved with the time it was tapped
 * and sent once every photo has landed (src/trpc/offline-queue.ts). Background Sync wakes the service worker when
 * the connection returns; an open page sends the queue itself.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { queueCompletion, queuePhoto } from "@/lib/offline/offline-store";
import { flushOfflineQueue, requestBackgroundSync } from "@/trpc/offline-queue";
import { QueuedCompletionNote, QueuedPhotos } from "@/components/offline/queued-photos";
import { useOfflineQueue, useOnline } from "@/components/offline/use-offline-queue";

type Job = { id: string; actions: readonly string[]; photos: readonly { kind: string }[] };

function sendNow() {
  void requestBackgroundSync();
  if (navigator.onLine) void flushOfflineQueue().catch(() => undefined);
}

export function FieldCompletion({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const t = useTranslations("jobs");
  const queue = useOfflineQueue(job.id, onChanged);
  const online = useOnline();
  const [pickupCount, setPickupCount] = useState("");
  const [saving, setSaving] = useState(false);
  const canUpload = job.actions.includes("uploadAfterPhoto");
  const canComplete = job.actions.includes("complete");
  if (!canUpload && !canComplete && queue.photos.length === 0 && !queue.completion) return null;

  const onServer = job.photos.filter((p) => p.kind === "AFTER").length;
  const waiting = queue.photos.filter((p) => p.state === "queued" || p.state === "uploading").length;
  const hasAfterPhoto = onServer + waiting > 0;
  const completionWaiting = !!queue.completion && queue.completion.state !== "failed";

  async function addPhotos(files: FileList | null) {
    setSaving(true);
    try {
      for (const file of files ?? []) await queuePhoto({ key: crypto.randomUUID(), jobId: job.id, kind: "AFTER", name: file.name, blob: file });
    } finally {
      setSaving(false);
    }
    sendNow();
  }

  async function markDone() {
    await queueCompletion({ jobId: job.id, pickupCount: pickupCount ? Number(pickupCount) : null, tappedAt: new Date().toISOString() });
    sendNow();
  }

  const btn = "w-full rounded-lg py-3 font-semibold disabled:opacity-60";
  return (
    <div className="space-y-2" data-testid="field-completion">
      {!online && (
        <p className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800" role="status">
          {t("completion.noSignal")}
        </p>
      )}
      {canUpload && !completionWaiting && (
        <label className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-dashed border-slate-400 px-3 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-600">
          <input type="file" accept="image/*" capture="environment" multiple className="sr-only" disabled={saving} onChange={(e) => void addPhotos(e.target.files).then(() => (e.target.value = ""))} />
          {t("completion.addAfter")}
        </label>
      )}
      <QueuedPhotos photos={queue.photos} online={online} />
      {queue.completion && <QueuedCompletionNote completion={queue.completion} online={online} />}
      {canComplete && !completionWaiting && (
        <>
          <div className="flex gap-2">
            <input className="w-28 rounded-lg border px-2" inputMode="numeric" placeholder={t("completion.pickups")} aria-label={t("completion.pickupsLabel")} value={pickupCount} onChange={(e) => setPickupCount(e.target.value.replace(/\D/g, ""))} />
            <button className={`${btn} bg-brand-600 text-white`} disabled={!hasAfterPhoto || !queue.loaded} aria-describedby={hasAfterPhoto ? undefined : "mark-done-hint"} onClick={() => void markDone()}>
              {t("completion.markDone")}
            </button>
          </div>
          {!hasAfterPhoto && (
            <p id="mark-done-hint" className="text-xs text-slate-700">
              {t("completion.afterFirst")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
