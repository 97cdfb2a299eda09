import { Board } from "@/components/jobs/board";

export const metadata = { title: "Find jobs" };

export default function BoardPage() {
  return (
    <main className="flex flex-1 flex-col">
      <Board />
    </main>
  );
}
