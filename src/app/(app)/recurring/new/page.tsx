import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { earliestFirstDate } from "@/components/recurring/earliest-first-date";
import { RecurringForm } from "@/components/recurring/recurring-form";
import { env } from "@/env";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recurring"))("newPage.title") };
}
export const dynamic = "force-dynamic";

export default async function NewRecurringPage() {
  await requirePermission("recurring.manage", "/recurring/new");
  const t = await getTranslations("recurring");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">{t("newPage.title")}</h1>
      <RecurringForm earliestFirstDate={await earliestFirstDate()} generationTime={env.RECURRING_GENERATION_TIME} />
    </main>
  );
}
