"use client";
/**
 * A job as this phone keeps it for working without signal: `KeepOfflineCopy` writes the copy while the viewer holds
 * the claim (and deletes it, notes and all, once the claim has ended); `OfflineJob` shows it, with the photos and
 * "Mark done" waiting on the phone, when the job cannot be loaded from the server.
 */
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { forgetJob, getJobCopy, listJobCopies, saveJobCopy, type OfflineJobCopy } from "@/lib/offline/offline-store";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { ACTIVE_CLAIM } from "@/lib/offline/offline-signals";
import { JobNotes } from "@/components/jobs/job-notes";
import { QueuedCompletionNote, QueuedPhotos } from "./queued-photos";
import { useOfflineQueue, useOnline } from "./use-offline-queue";


type LiveJob = {
  id: string;
  status: string;
  address: string;
  publicNotes: string | null;
  accessNotes: string | null;
  startDeadlineAt: Date | null;
  autoConfirmAt: Date | null;
  viewer: { isScooper: boolean };
};

export function KeepOfflineCopy({ job }: { job: LiveJob }) {
  const { id, status, address, publicNotes, accessNotes, startDeadlineAt, autoConfirmAt } = job;
  const holdsClaim = job.viewer.isScooper && ACTIVE_CLAIM.has(status);
  useEffect(() => {
    if (holdsClaim) {
      void saveJobCopy({
        jobId: id, status, address, publicNotes, accessNotes,
        startDeadlineAt: startDeadlineAt?.toISOString() ?? null, autoConfirmAt: autoConfirmAt?.toISOString() ?? null, savedAt: new Date().toISOString(),
      }).catch(() => undefined);
    } else {
      // Released, cancelled, completed elsewhere…: the access notes must not outlive the claim on this phone.
      void getJobCopy(id).then((copy) => copy && forgetJob(id)).catch(() => undefined);
    }
  }, [holdsClaim, id, status, address, publicNotes, accessNotes, startDeadlineAt, autoConfirmAt]);
  return null;
}

/**
 * /my-jobs knows every claim the scooper still holds: copies of any other job (released by the start deadline,
 * cancelled by the poster, completed from another device) leave the phone, access notes and all.
 */
export function PruneOfflineCopies({ activeJobIds }: { activeJobIds: string[] }) {
  const key = [...activeJobIds].sort().join(",");
  useEffect(() => {
    const active = new Set(key ? key.split(",") : []);
    void listJobCopies()
      .then((copies) => Promise.all(copies.filter((c) => !active.has(c.jobId)).map((c) => forgetJob(c.jobId))))
      .catch(() => undefined);
  }, [key]);
  return null;
}

function useCopy(jobId: string): { copy: OfflineJobCopy | null; loaded: boolean } {
  const [state, setState] = useState<{ copy: OfflineJobCopy | null; loaded: boolean }>({ copy: null, loaded: false });
  useEffect(() => {
    void getJobCopy(jobId).then((copy) => setState({ copy, loaded: true })).catch(() => setState({ copy: null, loaded: true }));
  }, [jobId]);
  return state;
}

export function OfflineJob({ jobId }: { jobId: string }) {
  const t = useTranslations("offline");
  const locale = useLocale() as Locale;
  const { copy, loaded } = useCopy(jobId);
  const queue = useOfflineQueue(jobId);
  const online = useOnline();
  if (!loaded) return <p className="p-4 text-slate-600">{t("loading")}</p>;
  return (
    <div className="mx-auto max-w-xl space-y-4 p-4" data-testid="offline-job">
      <p className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800" role="status">
        {online ? t("couldNotLoad") : t("noSignalCopy")}
      </p>
      {copy ? (
        <>
          <h1 className="text-xl font-bold">{copy.address}</h1>
          {copy.startDeadlineAt && copy.status === "CLAIMED" && <p className="text-sm">{t.rich("startByRich", { b: (chunks) => <b>{chunks}</b>, when: formatDateTime(new Date(copy.startDeadlineAt), { locale }) })}</p>}
          <JobNotes publicNotes={copy.publicNotes} accessNotes={copy.accessNotes} />
          <p className="text-xs text-slate-600">{t("saved", { when: formatDateTime(new Date(copy.savedAt), { locale }) })}</p>
        </>
      ) : (
        <h1 className="text-xl font-bold">{t("notSaved")}</h1>
      )}
      <QueuedPhotos photos={queue.photos} online={online} />
      {queue.completion && <QueuedCompletionNote completion={queue.completion} online={online} />}
    </div>
  );
}

/** The offline page's list: every job this phone holds a copy of. */
export function OfflineJobList() {
  const t = useTranslations("offline");
  const locale = useLocale() as Locale;
  const [copies, setCopies] = useState<OfflineJobCopy[] | null>(null);
  useEffect(() => {
    void listJobCopies().then(setCopies).catch(() => setCopies([]));
  }, []);
  if (copies === null) return <p className="text-slate-600">{t("loading")}</p>;
  if (copies.length === 0) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid="offline-jobs">
      {copies.map((c) => (
        <li key={c.jobId} className="rounded-lg border p-3">
          <Link className="font-semibold text-brand-700 underline" href={`/jobs/${c.jobId}`}>{c.address}</Link>
          {c.startDeadlineAt && c.status === "CLAIMED" && <p className="text-sm">{t("startBy", { when: formatDateTime(new Date(c.startDeadlineAt), { locale }) })}</p>}
        </li>
      ))}
    </ul>
  );
}

/** What the offline page shows: the job its address names (when the worker answered a job's page with it), else the list. */
const unchanging = () => () => {};

export function OfflinePage() {
  const t = useTranslations("offline");
  // The address bar, not the router: the worker answers /jobs/<id> with this page's HTML.
  const path = useSyncExternalStore(unchanging, () => window.location.pathname, () => null);
  if (path === null) return null;
  const jobId = /^\/jobs\/([^/]+)$/.exec(path)?.[1];
  if (jobId) return <OfflineJob jobId={decodeURIComponent(jobId)} />;
  return (
    <div className="mx-auto max-w-xl space-y-4 p-4">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("needsConnection")}</p>
      <OfflineJobList />
    </div>
  );
}
