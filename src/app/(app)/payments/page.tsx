import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReceiptsList } from "@/components/payments/receipts";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipts"))("title") };
}
export const dynamic = "force-dynamic";

/** The customer's receipts: what is held, charged, released and refunded for each job, from the ledger. */
export default async function PaymentsPage() {
  await requirePermission("jobs.post", "/payments");
  const t = await getTranslations("receipts");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 space-y-4 p-4">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <ReceiptsList />
    </main>
  );
}
