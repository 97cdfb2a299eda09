import { SavedYards } from "@/components/yards/saved-yards";
import { requirePermission } from "@/server/auth/require";

export const metadata = { title: "Saved yards" };
export const dynamic = "force-dynamic";

export default async function SavedYardsPage() {
  await requirePermission("jobs.post", "/yards");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">Saved yards</h1>
      <SavedYards />
    </main>
  );
}
