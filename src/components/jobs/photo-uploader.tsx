"use client";
import type { PhotoKind } from "@/generated/prisma/enums";
import { useTranslations } from "next-intl";
import { useState } from "react";

type Upload = { key: string; file: File; progress: number; state: "uploading" | "done" | "failed"; error?: string };

type UploadWords = { networkError: string; failed: (status: number) => string };

/** XHR rather than fetch: it reports upload progress. */
function send(jobId: string, kind: PhotoKind, file: File, words: UploadWords, onProgress: (p: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/jobs/${encodeURIComponent(jobId)}/photos`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let message = words.failed(xhr.status);
      try {
        message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {}
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error(words.networkError));
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    xhr.send(form);
  });
}

/** Uploads each chosen photo with its own progress bar; a failed one can be retried without touching anything else. */
export function PhotoUploader({ jobId, kind, onUploaded }: { jobId: string; kind: PhotoKind; onUploaded?: () => void }) {
  const t = useTranslations("jobs");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const update = (key: string, patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  async function start(upload: Upload) {
    update(upload.key, { state: "uploading", progress: 0, error: undefined });
    try {
      const words = { networkError: t("upload.networkError"), failed: (status: number) => t("upload.failed", { status }) };
      await send(jobId, kind, upload.file, words, (progress) => update(upload.key, { progress }));
      update(upload.key, { state: "done", progress: 100 });
      onUploaded?.();
    } catch (err) {
      update(upload.key, { state: "failed", error: (err as Error).message });
    }
  }

  function choose(files: FileList | null) {
    const added = [...(files ?? [])].map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, file, progress: 0, state: "uploading" as const }));
    setUploads((all) => [...all, ...added]);
    for (const u of added) void start(u);
  }

  return (
    <div className="space-y-2">
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-dashed border-slate-400 px-3 py-2 text-sm">
        <input type="file" accept="image/*" capture="environment" multiple className="sr-only" onChange={(e) => (choose(e.target.files), (e.target.value = ""))} />
        {t("upload.add", { kind })}
      </label>
      <ul className="space-y-1">
        {uploads.map((u) => (
          <li key={u.key} className="text-xs">
            <div className="flex items-center justify-between gap-2">
              <span className="truncate">{u.file.name}</span>
              {u.state === "failed" ? (
                <button type="button" className="font-semibold text-brand-700" onClick={() => void start(u)}>
                  {t("upload.retry")}
                </button>
              ) : (
                <span>{u.state === "done" ? t("upload.uploaded") : `${u.progress}%`}</span>
              )}
            </div>
            <div className="h-1 rounded bg-slate-200">
              <div className={`h-1 rounded ${u.state === "failed" ? "bg-red-500" : "bg-brand-500"}`} style={{ width: `${u.progress}%` }} />
            </div>
            {u.error && <p className="text-red-700">{u.error}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
