import { Board } from "@/components/jobs/board";

export const metadata = { title: "Find jobs" };

export default function BoardPage() {
  return (
    <main className="flex flex-1 flex-col">
      {/* The map fills the page; the heading is for screen readers and the navigation test. */}
      <h1 className="sr-only">Find jobs</h1>
      <Board />
    </main>
  );
}
