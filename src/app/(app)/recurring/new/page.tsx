import { earliestFirstDate } from "@/components/recurring/earliest-first-date";
import { RecurringForm } from "@/components/recurring/recurring-form";
import { requirePermission } from "@/server/auth/require";

export const metadata = { title: "New recurring cleanup" };
export const dynamic = "force-dynamic";

export default async function NewRecurringPage() {
  await requirePermission("recurring.manage", "/recurring/new");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">New recurring cleanup</h1>
      <RecurringForm earliestFirstDate={await earliestFirstDate()} />
    </main>
  );
}
