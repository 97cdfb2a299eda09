import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobView } from "@/components/jobs/job-view";
import { newVisitId } from "@/lib/visit-id";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("titles.job") };
}

/** The job as this viewer may see it (undefined when refused or failed), the visit's id and the clock's time. */
async function readJob(jobId: string) {
  const visitId = newVisitId();
  const initialJob = await (await serverApi()).jobs.byId({ jobId, visitId }).catch(() => undefined);
  return { visitId, initialJob, renderedAt: Date.now() };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The job is read here, so its page arrives with its details rather than a "Loading…" line that hydration and a
  // second request replace (issue 16's Lighthouse targets). The visit id goes down with it: the browser's refetches
  // reuse it, and a reveal of the access notes is still logged once per visit. A job this viewer may not see, or a
  // failed read, is left to the browser's own query, which shows the same refusals as before.
  const { visitId, initialJob, renderedAt } = await readJob(id);
  return (
    <main className="flex flex-1 flex-col">
      <JobView jobId={id} signedIn={!!(await getCurrentSession())} visitId={visitId} initialJob={initialJob} renderedAt={renderedAt} />
    </main>
  );
}
