"use client";
import { devicePositionOnce } from "./device-position";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { OnboardingLink } from "@/components/scooper/onboarding-link";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime, formatRelative } from "@/lib/format-date";
import { formatCents } from "@/lib/money";
import { useHydrated } from "@/components/ui/use-hydrated";
import { api, type RouterOutputs } from "@/trpc/react";
import { newVisitId } from "@/lib/visit-id";
import { RepostButton } from "./repost-button";
import { timeLeft } from "./labels";
import type { Locale } from "@/lib/i18n/locales";
import { FieldActions } from "./field-actions";
import { DisputeSummary, OpenDisputeForm, RespondToDisputeForm } from "./dispute-panel";
import { JobMessages } from "./job-messages";
import { JobNotes } from "./job-notes";
import { cancelMoneyWords, tappedLaterWords, timelineWords } from "./job-words";
import { JobPaymentPanel } from "./job-payment-panel";
import { PhotoUploader } from "./photo-uploader";
import { FieldCompletion } from "./field-completion";
import { KeepOfflineCopy, OfflineJob } from "@/components/offline/offline-job";
import { AddTipForm, ReviewForm, ReviewSummary } from "./review-form";

/** The clock, ticking each second. It starts at the server's render time, so the server's countdowns hydrate as they are. */
function useNow(start: number | undefined, intervalMs = 1000) {
  const [now, setNow] = useState(() => new Date(start ?? Date.now()));
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

const TERMINAL_WITHOUT_PAY = new Set(["CANCELLED", "EXPIRED", "AWAITING_PAYMENT"]);

type JobDetail = RouterOutputs["jobs"]["byId"];

/**
 * A job's page: details, photos, countdowns, timeline and the actions the server says this viewer may take.
 * `signedIn` (from the page's session) tells an anonymous visitor apart, who is offered "Sign up to claim".
 * The page reads the job on the server (`initialJob`, with its `visitId` and `renderedAt` time), so the details are
 * in the HTML; the query takes over from there (refetches, live changes).
 */
export function JobView({ jobId, signedIn = true, visitId: givenVisitId, initialJob, renderedAt }: {
  jobId: string;
  signedIn?: boolean;
  visitId?: string;
  initialJob?: JobDetail;
  renderedAt?: number;
}) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  // One visit per load of the page: refetches reuse it, so a reveal of the access notes is logged once.
  const [visitId] = useState(() => givenVisitId ?? newVisitId());
  const job = api.jobs.byId.useQuery({ jobId, visitId }, { retry: false, initialData: initialJob, initialDataUpdatedAt: renderedAt });
  // Dates in the viewer's time zone are the browser's to write: the server's HTML and the hydrating render leave them out.
  const hydrated = useHydrated();
  const party = !!job.data && (job.data.viewer.isPoster || job.data.viewer.isScooper || job.data.viewer.isAdmin);
  const timeline = api.jobs.timeline.useQuery({ jobId }, { enabled: party, retry: false });
  const now = useNow(renderedAt);
  const [reason, setReason] = useState("");
  const [justTaken, setJustTaken] = useState(false);
  const nearest = api.jobs.nearestOpen.useQuery(
    { lat: job.data?.lat ?? 0, lng: job.data?.lng ?? 0, excludeJobId: jobId },
    { enabled: justTaken && !!job.data },
  );
  const refresh = () => Promise.all([utils.jobs.byId.invalidate({ jobId }), utils.jobs.timeline.invalidate({ jobId }), utils.jobs.openInViewport.invalidate()]);
  const opts = { onSuccess: refresh };
  const claim = api.jobs.claim.useMutation({ onSuccess: refresh, onError: (e) => e.data?.code === "CONFLICT" && setJustTaken(true) });
  const release = api.jobs.release.useMutation(opts);
  const start = api.jobs.start.useMutation(opts);
  const confirm = api.jobs.confirm.useMutation(opts);
  const cancel = api.jobs.cancel.useMutation(opts);
  const error = [claim, release, start, confirm, cancel].find((m) => m.error)?.error;
  // The claim's onboarding refusals (src/server/accounts/scooper-onboarding.ts) come with the way to finish it.
  const onboardingRefusal = (e: NonNullable<typeof error>) =>
    e === claim.error && (e.data?.reason === "account.onboardingIncomplete" || e.data?.reason === "account.awaitingApproval");

  // Live: the parties follow the job's own channel; anyone else viewing an open job hears when it leaves the board.
  api.jobs.onJobChange.useSubscription({ jobId }, { enabled: party, onData: () => void refresh() });
  const near = 0.001;
  api.jobs.onBoardChange.useSubscription(
    { bounds: { south: (job.data?.lat ?? 0) - near, north: (job.data?.lat ?? 0) + near, west: (job.data?.lng ?? 0) - near, east: (job.data?.lng ?? 0) + near } },
    {
      enabled: !!job.data && !party,
      onData: ({ data }) => {
        if (data.type === "job.closed" && data.jobId === jobId) void refresh();
      },
    },
  );

  // No connection (React Query pauses the request) or a request that failed on the way: the copy on this phone.
  if (job.isLoading && job.fetchStatus === "paused") return <OfflineJob jobId={jobId} />;
  if (job.isLoading) return <p className="p-4 text-slate-600">{t("loading")}</p>;
  if (job.error && !job.error.data) return <OfflineJob jobId={jobId} />;
  if (job.error) {
    return (
      <div className="mx-auto max-w-md space-y-3 p-6 text-center" data-testid="job-unavailable">
        <h1 className="text-xl font-bold">{job.error.data?.code === "NOT_FOUND" ? t("unavailable.title") : t("unavailable.couldNotOpen")}</h1>
        <p className="text-slate-700">
          {job.error.data?.code === "NOT_FOUND"
            ? t("unavailable.why")
            : job.error.message}
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          <Link href="/board" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">{t("unavailable.findOpen")}</Link>
          {signedIn ? (
            <Link href="/my-jobs" className="rounded-lg border border-slate-300 px-4 py-2 font-semibold">{t("unavailable.myJobs")}</Link>
          ) : (
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/jobs/${jobId}`)}`} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold">{t("unavailable.signIn")}</Link>
          )}
        </div>
      </div>
    );
  }
  const j = job.data!;
  const can = (a: (typeof j.actions)[number]) => j.actions.includes(a);
  const btn = "w-full rounded-lg py-3 font-semibold disabled:opacity-60";

  return (
    <div className="mx-auto max-w-xl space-y-5 p-4">
      <div>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold" data-testid="job-status">{t(`status.${j.status}`)}</span>
        <h1 className="mt-2 text-xl font-bold">{j.address}</h1>
        <p className="text-sm text-slate-600">
          {t(`type.${j.type}`)}
          {j.pileEstimate && ` · ${t(`pile.${j.pileEstimate}`)}`}
          {j.litterLevel && ` · ${t(`litter.${j.litterLevel}`)}`} · {t("yardParts", { parts: j.yardSegments.map((s) => t(`segment.${s}`)).join(", ") })}
        </p>
      </div>
      <div className="flex items-end justify-between gap-3 rounded-lg bg-brand-50 p-3">
        <div>
          <div className="text-2xl font-bold">{formatCents(j.priceCents, locale)}</div>
          {!TERMINAL_WITHOUT_PAY.has(j.status) && <div className="text-sm text-slate-700">{t("takesHome", { amount: formatCents(j.takeHomeCents, locale) })}</div>}
          {j.status === "CANCELLED" && <div className="text-sm text-slate-700" data-testid="cancelled-note">{j.cancelledAt && hydrated ? t("cancelledAt", { when: formatDateTime(j.cancelledAt, { locale }) }) : t("cancelled")}</div>}
        </div>
        <div className="text-right text-sm">
          {j.status === "OPEN" && t.rich("expiresIn", { left: timeLeft(t, j.expiresAt, now), b: (c) => <b>{c}</b> })}
          {j.status === "CLAIMED" && j.startDeadlineAt && t.rich("startWithin", { left: timeLeft(t, j.startDeadlineAt, now), b: (c) => <b>{c}</b> })}
          {j.status === "COMPLETED" && j.autoConfirmAt && t.rich("autoConfirmsIn", { left: timeLeft(t, j.autoConfirmAt, now), b: (c) => <b>{c}</b> })}
        </div>
      </div>
      {j.scooperRating && (
        <p className="text-sm text-slate-700" data-testid="scooper-rating">
          {j.scooperRating.average === null
            ? t("ratingNone")
            : t("rating", { average: j.scooperRating.average.toFixed(1), count: j.scooperRating.count })}
        </p>
      )}
      {j.dispute && <DisputeSummary dispute={j.dispute} />}
      {j.review && <ReviewSummary review={j.review} />}
      <JobNotes publicNotes={j.publicNotes} accessNotes={j.accessNotes} />
      {!j.accessNotes && j.hasAccessNotes && <p className="text-xs text-slate-600">{t("accessNotesLater")}</p>}
      {j.startFlagged && <p className="text-xs text-amber-700">{t("startedAway", { meters: j.startDistanceM ?? 0 })}</p>}
      {j.photos.length > 0 && (
        <div className="grid grid-cols-3 gap-2">
          {j.photos.map((p) => (
            <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="relative block">
              {/* eslint-disable-next-line @next/next/no-img-element -- private, per-viewer images: Next's optimizer would cache them */}
              <img src={p.thumbUrl} alt={t(`photoAlt.${p.kind}`)} className="aspect-square w-full rounded object-cover" />
              <span className="absolute bottom-1 left-1 rounded bg-black/60 px-1 text-[10px] text-white">{t(`photoKind.${p.kind}`)}</span>
            </a>
          ))}
        </div>
      )}

      <div className="space-y-2">
        {error && (onboardingRefusal(error)
          ? <OnboardingLink message={error.message} />
          : <p className="text-sm text-red-700">{error.message}</p>)}
        {justTaken && (
          <div className="rounded-lg border p-3 text-sm">
            <p className="font-semibold">{t("justTaken")}</p>
            <ul>
              {nearest.data?.map((n) => (
                <li key={n.id}>
                  <Link className="text-brand-700 underline" href={`/jobs/${n.id}`} onClick={() => setJustTaken(false)}>
                    {n.address} · {formatCents(n.priceCents, locale)} · {t("km", { km: (n.distanceM / 1000).toFixed(1) })}
                  </Link>
                </li>
              ))}
              {nearest.data?.length === 0 && <li>{t("noneNearby")}</li>}
            </ul>
          </div>
        )}
        <FieldActions job={j} now={now} onChanged={() => void refresh()} />
        {can("pay") && <JobPaymentPanel jobId={jobId} priceCents={j.priceCents} onPaid={refresh} />}
        {!signedIn && j.status === "OPEN" && (
          <div className="space-y-2 rounded-lg border p-3 text-center" data-testid="sign-up-to-claim">
            <p className="text-sm text-slate-700">{t("signUpPitch", { amount: formatCents(j.takeHomeCents, locale) })}</p>
            <Link href="/sign-up?as=scooper" className={`${btn} block bg-brand-700 text-white`}>{t("signUpToClaim")}</Link>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/jobs/${jobId}`)}`} className="block text-sm font-medium text-brand-700 underline">
              {t("haveAccount")}
            </Link>
          </div>
        )}
        {can("claim") && <button className={`${btn} bg-brand-600 text-white`} disabled={claim.isPending} onClick={() => claim.mutate({ jobId })}>{t("claim")}</button>}
        {can("start") && (
          <button className={`${btn} bg-brand-600 text-white`} disabled={start.isPending} onClick={async () => start.mutate({ jobId, location: await devicePositionOnce() })}>
            {t("start")}
          </button>
        )}
        <KeepOfflineCopy job={j} />
        <FieldCompletion job={j} onChanged={() => void refresh()} />
        {can("confirm") && <button className={`${btn} bg-brand-600 text-white`} disabled={confirm.isPending} onClick={() => confirm.mutate({ jobId })}>{t("confirm")}</button>}
        {can("openDispute") && <OpenDisputeForm jobId={jobId} onDone={() => void refresh()} />}
        {can("respondToDispute") && <RespondToDisputeForm jobId={jobId} onDone={() => void refresh()} />}
        {can("review") && <ReviewForm jobId={jobId} onDone={() => void refresh()} />}
        {can("tip") && j.review?.tipUntil && <AddTipForm jobId={jobId} until={j.review.tipUntil} onDone={() => void refresh()} />}
        {can("repost") && <RepostButton jobId={jobId} />}
        {can("uploadBeforePhoto") && <PhotoUploader jobId={jobId} kind="BEFORE" onUploaded={() => void refresh()} />}
        {can("release") && <button className={`${btn} border`} disabled={release.isPending} onClick={() => release.mutate({ jobId })}>{t("release")}</button>}
        {can("cancel") && (
          <ConfirmDialog
            title={t("cancelDialog.title")}
            tone="danger"
            confirmLabel={t("cancelDialog.confirm")}
            cancelLabel={t("cancelDialog.keep")}
            confirmDisabled={j.viewer.isAdmin && !j.viewer.isPoster && !reason.trim()}
            onConfirm={() => cancel.mutate({ jobId, reason: reason || null })}
            description={cancelMoneyWords(t, locale, j, j.viewer.isAdmin && !j.viewer.isPoster).map((line) => <p key={line}>{line}</p>)}
            trigger={
              <button className={`${btn} border border-red-300 text-red-700`} disabled={cancel.isPending}>
                {t("cancelDialog.trigger")}
              </button>
            }
          >
            {j.viewer.isAdmin && !j.viewer.isPoster && (
              <label className="block text-sm font-medium">
                {t("cancelDialog.reason")}
                <input className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
            )}
          </ConfirmDialog>
        )}
      </div>

      {(j.viewer.isPoster || j.viewer.isScooper || (j.viewer.isAdmin && j.dispute)) && <JobMessages jobId={jobId} evidence={!j.viewer.isPoster && !j.viewer.isScooper} />}
      {party && (
        <section>
          <h2 className="mb-2 font-semibold">{t("timeline")}</h2>
          <ol className="space-y-1 text-sm" data-testid="timeline">
            {timeline.data?.map((e) => (
              <li key={e.id} className="flex justify-between gap-2">
                <span>{timelineWords(t, e.type, e.actor)}{tappedLaterWords(t, locale, e)}</span>
                <time className="text-slate-600" dateTime={e.createdAt.toISOString()} title={formatDateTime(e.createdAt, { locale })}>{formatRelative(e.createdAt, now, { locale })}</time>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
