import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { earliestFirstDate } from "@/components/recurring/earliest-first-date";
import { RecurringView } from "@/components/recurring/recurring-view";
import { env } from "@/env";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("titles.recurring") };
}
export const dynamic = "force-dynamic";

export default async function RecurringPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  await requirePermission("recurring.manage", `/recurring/${id}`);
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <RecurringView id={id} earliestFirstDate={await earliestFirstDate()} generationTime={env.RECURRING_GENERATION_TIME} />
    </main>
  );
}
