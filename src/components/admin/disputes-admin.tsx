"use client";
import { formatDateTime } from "@/lib/format-date";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { JobMessages } from "@/components/jobs/job-messages";
import { PhotoThumbs } from "@/components/jobs/photo-thumbs";
import { DISPUTE_OUTCOME_LABEL } from "@/components/jobs/labels";
import { Notice } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";

type Row = RouterOutputs["disputes"]["openQueue"][number];
const OUTCOMES = Object.keys(DISPUTE_OUTCOME_LABEL) as (keyof typeof DISPUTE_OUTCOME_LABEL)[];

/** The queue of unresolved disputes, oldest first, each with its resolution form. */
export function DisputesAdmin() {
  const t = useTranslations("admin");
  const queue = api.disputes.openQueue.useQuery();
  if (queue.isLoading) return <p className="text-slate-600">{t("loading")}</p>;
  if (queue.error) return <Notice tone="error">{formError(queue.error)}</Notice>;
  if (!queue.data?.length) return <p className="text-slate-600">{t("disputes.empty")}</p>;
  return (
    <ul className="space-y-4">
      {queue.data.map((d) => <DisputeCard key={d.id} dispute={d} />)}
    </ul>
  );
}

function DisputeCard({ dispute: d }: { dispute: Row }) {
  const t = useTranslations("admin.disputes");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("RELEASE");
  const [refund, setRefund] = useState("");
  const [note, setNote] = useState("");
  const resolve = api.disputes.resolve.useMutation({ onSuccess: () => void utils.disputes.openQueue.invalidate() });
  const refundCents = Math.round(Number(refund || 0) * 100);
  return (
    <li className="space-y-2 rounded-lg border p-4" data-testid="dispute-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/jobs/${d.jobId}`} className="font-semibold text-brand-700 underline">{d.address}</Link>
        <span className="text-sm text-slate-600">{t("opened", { price: formatCents(d.priceCents, locale), when: formatDateTime(d.openedAt, { locale }) })}</span>
      </div>
      <p className="text-sm"><b>{tj(`disputeReason.${d.reason}`)}:</b> {d.text}</p>
      <p className="text-sm">
        {d.respondedAt
          ? t.rich("scooper", { response: d.scooperResponse ?? "", b: (chunks) => <b>{chunks}</b> })
          : <span className="text-slate-600">{t("noResponse", { when: formatDateTime(d.responseDeadlineAt, { locale }) })}</span>}
      </p>
      <PhotoThumbs photos={d.photos} alt={t("photoAlt")} className="flex gap-2" />
      <JobMessages jobId={d.jobId} evidence />
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate({ jobId: d.jobId, outcome, refundCents: outcome === "PARTIAL_REFUND" ? refundCents : null, note: note || null });
        }}
      >
        <label>
          {t("outcome")}
          <select className="ml-1 rounded border px-2 py-1" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            {OUTCOMES.map((o) => <option key={o} value={o}>{tj(`disputeOutcome.${o}`)}</option>)}
          </select>
        </label>
        {outcome === "PARTIAL_REFUND" && (
          <label>
            {t("refund")}
            <input className="ml-1 w-24 rounded border px-2 py-1" inputMode="decimal" value={refund} onChange={(e) => setRefund(e.target.value.replace(/[^\d.]/g, ""))} />
          </label>
        )}
        <input className="min-w-48 flex-1 rounded border px-2 py-1" placeholder={t("notePlaceholder")} aria-label={t("note")} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-semibold text-white disabled:opacity-60" disabled={resolve.isPending}>{t("resolve")}</button>
      </form>
      {resolve.error && <Notice tone="error">{formError(resolve.error)}</Notice>}
    </li>
  );
}
