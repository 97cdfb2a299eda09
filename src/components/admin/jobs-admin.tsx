"use client";
import { formatDateTime } from "@/lib/format-date";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { STATUS_LABEL } from "@/components/jobs/labels";
import { Notice, TextInput } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { newVisitId } from "@/lib/visit-id";
import { EnumSelect } from "./enum-select";

type Status = keyof typeof STATUS_LABEL;
const STATUSES = Object.keys(STATUS_LABEL) as Status[];

/** "40.6,-74.0,40.8,-73.9" → a lat/lng box (south-west, north-east corners); anything else → no box. */
function parseBox(text: string) {
  const n = text.split(",").map((v) => Number(v.trim()));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  const [lat1, lng1, lat2, lng2] = n as [number, number, number, number];
  return { minLat: Math.min(lat1, lat2), maxLat: Math.max(lat1, lat2), minLng: Math.min(lng1, lng2), maxLng: Math.max(lng1, lng2) };
}

export function JobsAdmin() {
  const t = useTranslations("admin.jobs");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const [status, setStatus] = useState<Status | "">("");
  const [address, setAddress] = useState("");
  const [box, setBox] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [needsDecision, setNeedsDecision] = useState(false);
  const jobs = api.adminJobs.list.useQuery({
    needsDecision,
    statuses: status ? [status] : [],
    address,
    box: parseBox(box),
    from: from || null,
    to: to || null,
  });
  return (
    <div className="space-y-4">
      <div className="grid gap-2 md:grid-cols-5">
        <EnumSelect
          label={t("stateFilter")}
          anyLabel={t("anyState")}
          options={STATUSES.map((s) => [s, tj(`status.${s}`)] as const)}
          value={status}
          onChange={setStatus}
        />
        <TextInput aria-label={t("addressLabel")} placeholder={t("addressPlaceholder")} value={address} onChange={(e) => setAddress(e.target.value)} />
        <TextInput aria-label={t("boxLabel")} placeholder={t("boxPlaceholder")} value={box} onChange={(e) => setBox(e.target.value)} />
        <TextInput aria-label={t("postedFrom")} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextInput aria-label={t("postedTo")} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={needsDecision} onChange={(e) => setNeedsDecision(e.target.checked)} />
        {t("needsDecisionFilter")}
      </label>
      {jobs.error && <Notice tone="error">{formError(jobs.error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">{t("posted")}</th><th>{t("address")}</th><th>{t("state")}</th><th>{t("price")}</th><th>{t("poster")}</th><th>{t("scooper")}</th></tr>
          </thead>
          <tbody>
            {jobs.data?.map((j) => (
              <tr key={j.id} className="border-t align-top" data-testid="admin-job-row" data-job-id={j.id}>
                <td data-label={t("posted")} className="whitespace-nowrap py-2">{formatDateTime(j.createdAt, { locale })}</td>
                <td data-label={t("address")}>
                  <Link href={`/admin/jobs/${j.id}`} className="text-brand-700 underline">{j.address}</Link>
                  {j.recurringId && <span className="ml-1 text-xs text-slate-500">{t("recurring")}</span>}
                </td>
                <td data-label={t("state")} data-testid="admin-job-status">
                  {tj(`status.${j.status}`)}
                  {j.needsAdminReason && <span className="block text-xs font-medium text-amber-700">{t("needsDecision")}</span>}
                </td>
                <td data-label={t("price")}>{formatCents(j.priceCents, locale)}</td>
                <td data-label={t("poster")}>{j.posterEmail}</td>
                <td data-label={t("scooper")}>{j.scooperEmail ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {jobs.data?.length === 0 && <p className="py-4 text-sm text-slate-600">{t("empty")}</p>}
      </div>
    </div>
  );
}

export function AdminJobDetail({ jobId }: { jobId: string }) {
  const t = useTranslations("admin");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const [visitId] = useState(newVisitId);
  const q = api.adminJobs.byId.useQuery({ jobId, visitId }, { retry: false });
  const [reason, setReason] = useState("");
  // An UNREACHABLE job's cancel says whether the scooper is owed the cancellation fee (cancel-job.ts).
  const [feeOwed, setFeeOwed] = useState<"" | "yes" | "no">("");
  const cancel = api.adminJobs.cancel.useMutation({
    onSuccess: () => {
      setReason("");
      return Promise.all([utils.adminJobs.byId.invalidate({ jobId }), utils.adminJobs.list.invalidate()]);
    },
  });
  if (q.error) return <Notice tone="error">{formError(q.error)}</Notice>;
  if (!q.data) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const { job, posterEmail, scooperEmail, timeline } = q.data;
  // Each fact's key names its label (`job.fact.<key>`) and its test id (`job-<key>`).
  const facts: [string, string][] = [
    ["state", tj(`status.${job.status}`)],
    ["price", formatCents(job.priceCents, locale)],
    ["address", job.address],
    ["pin", `${job.lat.toFixed(5)}, ${job.lng.toFixed(5)}`],
    ["poster", posterEmail],
    ["scooper", scooperEmail ?? "—"],
    ["public-notes", job.publicNotes ?? "—"],
    ["access-notes", job.accessNotes ?? "—"],
    ["posted", formatDateTime(job.createdAt, { locale })],
    ["expires", formatDateTime(job.expiresAt, { locale })],
    ...(job.cancelReason ? ([["cancel-reason", job.cancelReason]] as [string, string][]) : []),
  ];
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{t(`job.fact.${k}`)}</dt>
            <dd data-testid={`job-${k}`}>{v}</dd>
          </div>
        ))}
      </dl>
      {/* The server's own list of what this admin may do: cancel is offered in every non-terminal state. */}
      {(job.actions.includes("cancel") || job.actions.includes("adminCancelUnreachable")) && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate({ jobId, reason, scooperFeeOwed: feeOwed === "" ? null : feeOwed === "yes" });
          }}
        >
          <label className="flex-1 text-sm">
            <span className="block font-medium">{t("job.cancelReasonLabel")}</span>
            <TextInput value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t("job.cancelReason")} />
          </label>
          {job.actions.includes("adminCancelUnreachable") && (
            <label className="text-sm">
              <span className="block font-medium">{t("job.feeLabel", { fee: formatCents(job.cancellationFeeCents, locale) })}</span>
              <select className="rounded-lg border px-3 py-2.5" value={feeOwed} onChange={(e) => setFeeOwed(e.target.value as "" | "yes" | "no")} aria-label={t("job.fee")}>
                <option value="">{t("job.choose")}</option>
                <option value="yes">{t("job.owed")}</option>
                <option value="no">{t("job.notOwed")}</option>
              </select>
            </label>
          )}
          <button type="submit" disabled={cancel.isPending} className="rounded-lg border border-red-300 px-4 py-2.5 text-red-700">
            {t("job.cancel")}
          </button>
        </form>
      )}
      {cancel.error && <Notice tone="error">{formError(cancel.error)}</Notice>}
      <section>
        <h2 className="mb-2 font-semibold">{t("job.timeline")}</h2>
        <ol className="space-y-2 text-sm" data-testid="admin-timeline">
          {timeline.map((e) => (
            <li key={e.id} className="border-l-2 pl-3" data-testid="admin-timeline-event" data-type={e.type}>
              <div>
                <span className="font-medium">{e.type}</span>
                {e.fromStatus && e.toStatus && <span className="text-slate-600"> {e.fromStatus} → {e.toStatus}</span>}
                <span className="text-slate-500"> · {e.actorEmail ?? t("job.system")} · {formatDateTime(e.createdAt, { locale })}</span>
              </div>
              {e.details != null && <pre className="whitespace-pre-wrap text-xs text-slate-600">{JSON.stringify(e.details)}</pre>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
