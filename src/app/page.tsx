import { JobMap } from "@/components/map/job-map";

export default function HomePage() {
  return (
    <main className="flex flex-1 flex-col">
      <header className="flex items-center justify-between border-b px-4 py-3">
        <span className="text-lg font-bold text-brand-700">Scoop</span>
        <span className="text-sm text-slate-600">Yard cleanups near you</span>
      </header>
      <section className="relative h-[calc(100dvh-57px)]">
        <JobMap />
      </section>
    </main>
  );
}
