import { Board } from "@/components/jobs/board";
import { SiteHeader } from "@/components/ui/site-header";

export const metadata = { title: "Find jobs" };

export default function BoardPage() {
  return (
    <main className="flex flex-1 flex-col">
      <SiteHeader />
      <Board />
    </main>
  );
}
