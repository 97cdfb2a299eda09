import { JobView } from "@/components/jobs/job-view";
import { SiteHeader } from "@/components/ui/site-header";

export const metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="flex flex-1 flex-col">
      <SiteHeader />
      <JobView jobId={id} />
    </main>
  );
}
