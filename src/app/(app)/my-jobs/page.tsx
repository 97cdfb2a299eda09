import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { CLAIMED_GROUPS, POSTED_GROUPS } from "@/components/jobs/my-jobs-groups";
import { RepostButton } from "@/components/jobs/repost-button";
import { PruneOfflineCopies } from "@/components/offline/offline-job";
import { ACTIVE_CLAIM } from "@/lib/offline/offline-signals";
import { SignInPrompt } from "@/components/ui/sign-in-prompt";
import { formatCents } from "@/lib/money";
import { serverApi } from "@/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("myJobs.title") };
}
export const dynamic = "force-dynamic";

type Row = Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["jobs"]["mine"]>>[number];

function Group({ title, rows }: { title: string; rows: Row[] }) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  if (rows.length === 0) return null;
  return (
    <section>
      <h3 className="mt-3 text-sm font-semibold text-slate-600">{title}</h3>
      <ul className="divide-y">
        {rows.map((j) => (
          <li key={j.id} className="py-2">
            <Link href={`/jobs/${j.id}`} className="flex justify-between gap-2">
              <span className="min-w-0">
                <span className="block truncate">{j.address}</span>
                <span className="text-xs text-slate-600">
                  {t(`status.${j.status}`)} · {t(`type.${j.type}`)}
                  {j.pileEstimate ? ` · ${t(`pile.${j.pileEstimate}`)}` : ""}
                  {j.litterLevel ? ` · ${t(`litter.${j.litterLevel}`)}` : ""}
                </span>
              </span>
              <span className="font-semibold">{formatCents(j.priceCents, locale)}</span>
            </Link>
            {j.canRepost && <RepostButton jobId={j.id} compact />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function MyJobsPage() {
  const t = await getTranslations("jobs");
  let posted: Row[];
  let claimed: Row[];
  try {
    const api = await serverApi();
    [posted, claimed] = await Promise.all([api.jobs.mine({ as: "posted" }), api.jobs.mine({ as: "claimed" })]);
  } catch (err) {
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return <SignInPrompt what={t("myJobs.signInWhat")} returnTo="/my-jobs" />;
    throw err;
  }
  return (
    <main className="flex flex-1 flex-col">
      <div className="mx-auto w-full max-w-xl p-4">
        <h1 className="text-xl font-bold">{t("myJobs.title")}</h1>
        <PruneOfflineCopies activeJobIds={claimed.filter((j) => ACTIVE_CLAIM.has(j.status)).map((j) => j.id)} />
        {posted.length === 0 && claimed.length === 0 && <p className="mt-3 text-slate-600">{t("myJobs.nothing")}</p>}
        {posted.length > 0 && <h2 className="mt-4 font-semibold">{t("myJobs.postedByMe")}</h2>}
        {POSTED_GROUPS.map(([title, statuses]) => (
          <Group key={title} title={t(`myJobs.groups.${title}`)} rows={posted.filter((j) => (statuses as readonly string[]).includes(j.status))} />
        ))}
        {claimed.length > 0 && <h2 className="mt-4 font-semibold">{t("myJobs.myScooping")}</h2>}
        {CLAIMED_GROUPS.map(([title, statuses]) => (
          <Group key={title} title={t(`myJobs.groups.${title}`)} rows={claimed.filter((j) => (statuses as readonly string[]).includes(j.status))} />
        ))}
      </div>
    </main>
  );
}
