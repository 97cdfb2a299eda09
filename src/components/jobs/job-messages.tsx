"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { fieldErrors, formError } from "@/components/accounts/errors";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { api } from "@/trpc/react";
import { PhotoThumbs } from "./photo-thumbs";

const MAX_CHARS = 1000;
const MAX_PHOTOS = 4;

type Attached = { key: string; name: string; id?: string; error?: string };

type UploadWords = { networkError: string; failed: (status: number) => string };

/** One photo through the job photo pipeline (kind MESSAGE); resolves with its id, or the server's words. */
async function uploadMessagePhoto(jobId: string, file: File, words: UploadWords): Promise<string> {
  const form = new FormData();
  form.set("kind", "MESSAGE");
  form.set("file", file);
  const res = await fetch(`/api/jobs/${encodeURIComponent(jobId)}/photos`, { method: "POST", body: form }).catch(() => null);
  if (!res) throw new Error(words.networkError);
  const body = (await res.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
  if (!res.ok || !body?.id) throw new Error(body?.error?.message ?? words.failed(res.status));
  return body.id;
}

/**
 * Messages between the customer and the scooper holding the claim, live over the job's channel. `evidence` is the
 * admin's read-only view of a disputed job. The other party is named by role only: no emails or phone numbers.
 */
export function JobMessages({ jobId, evidence = false }: { jobId: string; evidence?: boolean }) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const list = api.jobMessages.list.useQuery({ jobId }, { retry: false });
  const [body, setBody] = useState("");
  const [photos, setPhotos] = useState<Attached[]>([]);
  const send = api.jobMessages.send.useMutation({
    onSuccess: () => {
      setBody("");
      setPhotos([]);
      void utils.jobMessages.list.invalidate({ jobId });
    },
  });
  const refetch = () => void utils.jobMessages.list.invalidate({ jobId });
  api.jobs.onJobChange.useSubscription(
    { jobId },
    {
      // Once listening, read again: a message sent between the first read and the subscription is not missed.
      onStarted: refetch,
      onData: ({ data }) => (data.type !== "job.changed" || data.change === "message") && refetch(),
    },
  );
  const inputId = useId();

  if (list.isLoading || list.error) return null;
  const { messages, canWrite } = list.data!;
  if (!canWrite && messages.length === 0) return null;
  const uploading = photos.some((p) => !p.id && !p.error);
  const errors = fieldErrors(send.error);
  const fieldError = errors.body?.[0] ?? errors.photoIds?.[0];

  function choose(files: FileList | null) {
    const room = MAX_PHOTOS - photos.length;
    for (const file of [...(files ?? [])].slice(0, room)) {
      const key = `${Date.now()}-${file.name}-${Math.random()}`;
      setPhotos((all) => [...all, { key, name: file.name }]);
      const words = { networkError: t("upload.networkError"), failed: (status: number) => t("upload.failed", { status }) };
      uploadMessagePhoto(jobId, file, words).then(
        (id) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, id } : p))),
        (err: Error) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, error: err.message } : p))),
      );
    }
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-3 rounded-lg border p-3" data-testid="job-messages">
      <h2 id={`${inputId}-title`} className="font-semibold">{evidence ? t("messages.titleEvidence") : t("messages.title")}</h2>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("messages.none")}</p>
      ) : (
        <ol className="space-y-2" data-testid="message-list" aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} className={`max-w-[85%] break-words rounded-lg px-3 py-2 text-sm ${m.mine ? "ml-auto bg-brand-50" : "bg-slate-100"}`} data-testid="message">
              <div className="text-xs text-slate-600">
                {m.mine ? t("messages.you") : m.from === "poster" ? t("messages.customer") : t("messages.scooper")} · <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, { locale })}</time>
              </div>
              {m.body && <p className="whitespace-pre-wrap">{m.body}</p>}
              <PhotoThumbs photos={m.photos} alt={t("messages.photoAlt")} className="mt-1 flex flex-wrap gap-1" />
            </li>
          ))}
        </ol>
      )}
      {canWrite && !evidence && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({ jobId, body, photoIds: photos.flatMap((p) => (p.id ? [p.id] : [])) });
          }}
        >
          <label htmlFor={inputId} className="block text-sm font-medium">
            {t("messages.yourMessage")}
          </label>
          <textarea
            id={inputId}
            className="w-full rounded-lg border px-3 py-2"
            rows={2}
            maxLength={MAX_CHARS}
            value={body}
            aria-invalid={!!fieldError}
            aria-describedby={`${inputId}-count${fieldError ? ` ${inputId}-error` : ""}`}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="flex items-center justify-between text-xs text-slate-600">
            <span id={`${inputId}-count`}>{body.length}/{MAX_CHARS}</span>
            <span>{t("messages.noContact")}</span>
          </div>
          {fieldError && <p id={`${inputId}-error`} className="text-sm text-red-700">{fieldError}</p>}
          {photos.length > 0 && (
            <ul className="space-y-1 text-xs">
              {photos.map((p) => (
                <li key={p.key} className="flex items-center justify-between gap-2">
                  <span className="truncate">{p.name}</span>
                  <span className={p.error ? "text-red-700" : ""}>{p.error ?? (p.id ? t("messages.ready") : t("messages.uploading"))}</span>
                  <button type="button" className="font-semibold text-brand-700" onClick={() => setPhotos((all) => all.filter((x) => x.key !== p.key))}>
                    {t("messages.remove")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap items-center gap-2">
            {photos.length < MAX_PHOTOS && (
              <label className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-dashed border-slate-400 px-3 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-500">
                <input type="file" accept="image/*" multiple className="sr-only" onChange={(e) => (choose(e.target.files), (e.target.value = ""))} />
                {t("messages.addPhoto")}
              </label>
            )}
            <button type="submit" className="ml-auto rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60" disabled={send.isPending || uploading}>
              {t("messages.send")}
            </button>
          </div>
          {send.error && !fieldError && <p className="text-sm text-red-700">{formError(send.error)}</p>}
        </form>
      )}
    </section>
  );
}
