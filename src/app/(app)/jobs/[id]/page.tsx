import { JobView } from "@/components/jobs/job-view";
import { getCurrentSession } from "@/server/auth/current-session";

export const metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="flex flex-1 flex-col">
      <JobView jobId={id} signedIn={!!(await getCurrentSession())} />
    </main>
  );
}
