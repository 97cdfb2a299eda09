import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatServiceDate } from "@/components/recurring/labels";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { requirePermission } from "@/server/auth/require";
import { serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recurring"))("list.title") };
}
export const dynamic = "force-dynamic";

export default async function RecurringListPage() {
  await requirePermission("recurring.manage", "/recurring");
  const subs = await (await serverApi()).recurring.list();
  const t = await getTranslations("recurring");
  const tj = await getTranslations("jobs");
  const locale = (await getLocale()) as Locale;
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{t("list.title")}</h1>
        <Link href="/recurring/new" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white">
          {t("list.new")}
        </Link>
      </div>
      {subs.length === 0 && <p className="text-slate-600">{t("list.none")}</p>}
      <ul className="divide-y" data-testid="recurring-list">
        {subs.map((s) => (
          <li key={s.id}>
            <Link href={`/recurring/${s.id}`} className="flex justify-between gap-3 py-3">
              <span className="min-w-0">
                <span className="block truncate font-medium">{s.address}</span>
                <span className="block text-xs text-slate-600">
                  {t(`status.${s.status}`)} · {t(`frequency.${s.frequency}`)} · {tj(`type.${s.type}`)}
                </span>
                <span className="block text-xs text-slate-600">
                  {s.nextServiceDates.length > 0
                    ? t("list.next", { dates: s.nextServiceDates.slice(0, 3).map((d) => formatServiceDate(d, locale)).join(", ") })
                    : t("list.noDates")}
                </span>
              </span>
              <span className="shrink-0 font-semibold">{formatCents(s.priceCents, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
