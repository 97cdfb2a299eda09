import type { Metadata } from "next";
import { ReceiptsList } from "@/components/payments/receipts";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Payments" };
export const dynamic = "force-dynamic";

/** The customer's receipts: what is held, charged, released and refunded for each job, from the ledger. */
export default async function PaymentsPage() {
  await requirePermission("jobs.post", "/payments");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 space-y-4 p-4">
      <h1 className="text-xl font-bold">Payments</h1>
      <ReceiptsList />
    </main>
  );
}
