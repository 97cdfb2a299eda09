import { JobMap } from "@/components/map/job-map";

export const dynamic = "force-dynamic";

export default function HomePage() {
  return (
    <main className="relative h-[calc(100dvh-3.5rem)]">
      <JobMap />
    </main>
  );
}
