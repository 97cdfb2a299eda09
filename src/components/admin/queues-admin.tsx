"use client";
import { formatDateTime } from "@/lib/format-date";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/locales";
import { api, type RouterInputs } from "@/trpc/react";

type QueueName = RouterInputs["adminOps"]["failedJobs"]["queue"];

export function QueuesAdmin() {
  const t = useTranslations("admin.queues");
  const locale = useLocale() as Locale;
  const queues = api.adminOps.queues.useQuery(undefined, { refetchInterval: 5000 });
  const [selected, setSelected] = useState<QueueName | null>(null);
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">{t("queue")}</th><th>{t("waiting")}</th><th>{t("active")}</th><th>{t("delayed")}</th><th>{t("completed")}</th><th>{t("failed")}</th><th>{t("schedules")}</th>
            </tr>
          </thead>
          <tbody>
            {queues.data?.map((q) => (
              <tr key={q.name} className="border-t align-top" data-testid="queue-row" data-queue={q.name}>
                <td data-label={t("queue")} className="py-2 font-medium">{q.name}</td>
                <td data-label={t("waiting")}>{q.counts.waiting}</td>
                <td data-label={t("active")}>{q.counts.active}</td>
                <td data-label={t("delayed")}>{q.counts.delayed}</td>
                <td data-label={t("completed")}>{q.counts.completed}</td>
                <td data-label={t("failed")}>
                  <button className="font-semibold text-red-700 underline" onClick={() => setSelected(q.name as QueueName)} data-testid="failed-count">
                    {q.counts.failed}
                  </button>
                </td>
                <td data-label={t("schedules")} className="text-xs">
                  {q.schedulers.map((s) => (
                    <div key={s.id}>
                      {s.id}: {s.pattern ? `${s.pattern} ${s.tz ?? ""}` : t("every", { seconds: Math.round((s.every ?? 0) / 1000) })} → {s.next ? formatDateTime(s.next, { locale }) : "—"}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DeadSideEffects />
      {selected && <FailedJobs queue={selected} />}
    </div>
  );
}

/** Outbox rows that failed every attempt: the money step or notification a change still owes. */
function DeadSideEffects() {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const summary = api.adminOps.outbox.useQuery(undefined, { refetchInterval: 5000 });
  const dead = api.adminOps.deadOutbox.useQuery(undefined, { refetchInterval: 5000 });
  const retry = api.adminOps.retryOutbox.useMutation({
    onSuccess: () => Promise.all([utils.adminOps.deadOutbox.invalidate(), utils.adminOps.outbox.invalidate()]),
  });
  return (
    <section className="space-y-2" aria-labelledby="dead-side-effects">
      <h2 id="dead-side-effects" className="font-semibold">{t("queues.deadTitle")}</h2>
      {summary.data && (
        <p className="text-sm text-slate-600" data-testid="outbox-summary">
          {summary.data.oldestPendingAt
            ? t("queues.summaryOldest", { pending: summary.data.pending, dead: summary.data.dead, when: formatDateTime(summary.data.oldestPendingAt, { locale }) })
            : t("queues.summary", { pending: summary.data.pending, dead: summary.data.dead })}
        </p>
      )}
      {retry.error && <Notice tone="error">{formError(retry.error)}</Notice>}
      {dead.data?.length === 0 && <p className="text-sm text-slate-600">{t("none")}</p>}
      {dead.data?.map((row) => (
        <article key={row.id} className="rounded-lg border p-3 text-sm" data-testid="dead-outbox-row" data-outbox-id={row.id}>
          <div className="font-mono text-xs break-all">
            {row.queue} · {row.kind} · {t("queues.attempts", { count: row.attempts })}{row.retries ? t("queues.retried", { count: row.retries }) : ""} · {formatDateTime(row.updatedAt, { locale })}
          </div>
          <div className="mt-1 text-red-700">{row.lastError}</div>
          <pre className="mt-1 overflow-x-auto text-xs text-slate-600">{JSON.stringify(row.payload)}</pre>
          <button className="mt-2 rounded border px-2 py-1" onClick={() => retry.mutate({ id: row.id })} disabled={retry.isPending}>
            {t("retry")}
          </button>
        </article>
      ))}
    </section>
  );
}

function FailedJobs({ queue }: { queue: QueueName }) {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const failed = api.adminOps.failedJobs.useQuery({ queue });
  const refresh = () => Promise.all([utils.adminOps.failedJobs.invalidate(), utils.adminOps.queues.invalidate()]);
  const retry = api.adminOps.retryJob.useMutation({ onSuccess: refresh });
  const remove = api.adminOps.removeJob.useMutation({ onSuccess: refresh });
  const error = retry.error ?? remove.error;
  return (
    <section className="space-y-2">
      <h2 className="font-semibold">{t("queues.failedIn", { queue })}</h2>
      {error && <Notice tone="error">{formError(error)}</Notice>}
      {failed.data?.length === 0 && <p className="text-sm text-slate-600">{t("none")}</p>}
      {failed.data?.map((job) => (
        <article key={job.id} className="rounded-lg border p-3 text-sm" data-testid="failed-job" data-job-id={job.id}>
          <div className="font-mono text-xs">{job.id} · {job.name} · {t("queues.attempts", { count: job.attemptsMade })} · {job.failedAt ? formatDateTime(job.failedAt, { locale }) : ""}</div>
          <div className="mt-1 text-red-700">{job.failedReason}</div>
          <pre className="mt-1 overflow-x-auto text-xs text-slate-600">{JSON.stringify(job.data)}</pre>
          <div className="mt-2 space-x-2">
            <button className="rounded border px-2 py-1" onClick={() => retry.mutate({ queue, jobId: job.id })}>{t("retry")}</button>
            <button className="rounded border px-2 py-1" onClick={() => remove.mutate({ queue, jobId: job.id })}>{t("queues.remove")}</button>
          </div>
        </article>
      ))}
    </section>
  );
}
