import Link from "next/link";
import { TYPE_LABEL } from "@/components/jobs/labels";
import { FREQUENCY_LABEL, formatServiceDate, RECURRING_STATUS_LABEL } from "@/components/recurring/labels";
import { formatCents } from "@/lib/money";
import { requirePermission } from "@/server/auth/require";
import { serverApi } from "@/trpc/server";

export const metadata = { title: "Recurring cleanups" };
export const dynamic = "force-dynamic";

export default async function RecurringListPage() {
  await requirePermission("recurring.manage", "/recurring");
  const subs = await (await serverApi()).recurring.list();
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-xl font-bold">Recurring cleanups</h1>
        <Link href="/recurring/new" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white">
          New
        </Link>
      </div>
      {subs.length === 0 && <p className="text-slate-600">None yet. A recurring cleanup posts a job for your yard every week, every two weeks or monthly.</p>}
      <ul className="divide-y" data-testid="recurring-list">
        {subs.map((s) => (
          <li key={s.id}>
            <Link href={`/recurring/${s.id}`} className="flex justify-between gap-3 py-3">
              <span className="min-w-0">
                <span className="block truncate font-medium">{s.address}</span>
                <span className="block text-xs text-slate-600">
                  {RECURRING_STATUS_LABEL[s.status]} · {FREQUENCY_LABEL[s.frequency]} · {TYPE_LABEL[s.type]}
                </span>
                <span className="block text-xs text-slate-600">
                  {s.nextServiceDates.length > 0 ? `Next: ${s.nextServiceDates.slice(0, 3).map(formatServiceDate).join(", ")}` : "No upcoming dates"}
                </span>
              </span>
              <span className="shrink-0 font-semibold">{formatCents(s.priceCents)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
