import { TodayRoute } from "@/components/today/today-route";
import { requirePermission } from "@/server/auth/require";

export const metadata = { title: "Today" };
export const dynamic = "force-dynamic";

export default async function TodayPage() {
  await requirePermission("jobs.claim", "/today");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">Today</h1>
      <TodayRoute />
    </main>
  );
}
