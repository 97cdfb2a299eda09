"use client";
import { formatDateTime } from "@/lib/format-date";
import Link from "next/link";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { STATUS_LABEL } from "@/components/jobs/labels";
import { Notice, TextInput } from "@/components/ui/form";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { EnumSelect } from "./enum-select";

type SubStatus = "ACTIVE" | "PAUSED" | "CANCELLED";
const SUB_STATUSES = [["ACTIVE", "Active"], ["PAUSED", "Paused"], ["CANCELLED", "Cancelled"]] as const;

export function SubscriptionsAdmin() {
  const [status, setStatus] = useState<SubStatus | "">("");
  const [customerEmail, setCustomerEmail] = useState("");
  const subs = api.adminSubscriptions.list.useQuery({ status: status || null, customerEmail });
  return (
    <div className="space-y-4">
      <div className="grid gap-2 md:grid-cols-2">
        <EnumSelect label="Status" anyLabel="Any status" options={SUB_STATUSES} value={status} onChange={setStatus} />
        <TextInput aria-label="Customer email" placeholder="Customer email contains…" value={customerEmail} onChange={(e) => setCustomerEmail(e.target.value)} />
      </div>
      {subs.error && <Notice tone="error">{formError(subs.error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">Customer</th><th>Address</th><th>Schedule</th><th>Price</th><th>Status</th><th>Next</th></tr>
          </thead>
          <tbody>
            {subs.data?.map((s) => (
              <tr key={s.id} className="border-t align-top" data-testid="admin-subscription-row">
                <td data-label="Customer" className="py-2">{s.customerEmail}</td>
                <td data-label="Address"><Link href={`/admin/subscriptions/${s.id}`} className="text-brand-700 underline">{s.address}</Link></td>
                <td data-label="Schedule">{s.frequency.toLowerCase()} from {s.firstServiceDate}</td>
                <td data-label="Price">{formatCents(s.priceCents)}</td>
                <td data-label="Status">{s.status.toLowerCase()}{s.pausedUntil && ` until ${s.pausedUntil}`}{s.pauseReason === "ACCOUNT_BLOCKED" && " (account blocked)"}</td>
                <td data-label="Next">{s.nextServiceDates[0] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {subs.data?.length === 0 && <p className="py-4 text-sm text-slate-600">No recurring cleanups match.</p>}
      </div>
    </div>
  );
}

export function AdminSubscriptionDetail({ id }: { id: string }) {
  const utils = api.useUtils();
  const q = api.adminSubscriptions.byId.useQuery({ id }, { retry: false });
  const refresh = () => Promise.all([utils.adminSubscriptions.byId.invalidate({ id }), utils.adminSubscriptions.list.invalidate()]);
  const pause = api.adminSubscriptions.pause.useMutation({ onSuccess: refresh });
  const resume = api.adminSubscriptions.resume.useMutation({ onSuccess: refresh });
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  if (q.error) return <Notice tone="error">{formError(q.error)}</Notice>;
  const s = q.data;
  if (!s) return <p className="text-sm text-slate-600">Loading…</p>;
  const error = pause.error ?? resume.error;
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">Customer</dt><dd>{s.customerEmail}</dd>
        <dt className="text-slate-500">Address</dt><dd>{s.address}</dd>
        <dt className="text-slate-500">Schedule</dt><dd>{s.frequency.toLowerCase()} from {s.firstServiceDate}</dd>
        <dt className="text-slate-500">Price per visit</dt><dd>{formatCents(s.priceCents)}</dd>
        <dt className="text-slate-500">Status</dt><dd data-testid="subscription-status">{s.status.toLowerCase()}{s.pausedUntil && ` until ${s.pausedUntil}`}{s.pauseReason === "ACCOUNT_BLOCKED" && " (account blocked)"}</dd>
        <dt className="text-slate-500">Access notes</dt><dd>{s.accessNotes ?? "—"}</dd>
        <dt className="text-slate-500">Next service dates</dt><dd data-testid="subscription-next">{s.nextServiceDates.join(", ") || "none scheduled"}</dd>
        <dt className="text-slate-500">Billing</dt>
        <dd data-testid="subscription-billing">
          {!s.billing
            ? "none"
            : s.billing.provider === "ledger"
              ? "per visit (built-in ledger)"
              : `Stripe subscription, ${s.billing.status.toLowerCase().replace("_", " ")}` +
                (s.billing.lastInvoiceStatus ? `, last invoice ${s.billing.lastInvoiceStatus.replace("_", " ")}` : "") +
                (s.billing.nextBillingAt ? `, next billing ${formatDateTime(s.billing.nextBillingAt)}` : "") +
                `, ${s.billing.prepaidVisitsAvailable} paid visit(s) unused`}
        </dd>
      </dl>
      {s.status !== "CANCELLED" && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (s.status === "PAUSED") resume.mutate({ id, reason });
            else pause.mutate({ id, reason, until: until || null });
          }}
        >
          <label className="flex-1 text-sm">
            <span className="block font-medium">Reason (kept in the audit log)</span>
            <TextInput value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
          </label>
          {s.status === "ACTIVE" && (
            <label className="text-sm">
              <span className="block font-medium">Until (optional)</span>
              <TextInput type="date" value={until} onChange={(e) => setUntil(e.target.value)} aria-label="Pause until" />
            </label>
          )}
          <button type="submit" className="rounded-lg border px-4 py-2.5" disabled={pause.isPending || resume.isPending}>
            {s.status === "PAUSED" ? "Resume" : "Pause"}
          </button>
        </form>
      )}
      {error && <Notice tone="error">{formError(error)}</Notice>}
      <section>
        <h2 className="mb-2 font-semibold">Latest generated jobs</h2>
        <ul className="text-sm">
          {s.recentJobs.map((j) => (
            <li key={j.id}>
              <Link href={`/admin/jobs/${j.id}`} className="text-brand-700 underline">{j.serviceDate ?? j.id}</Link> · {STATUS_LABEL[j.status]}
            </li>
          ))}
          {s.recentJobs.length === 0 && <li className="text-slate-600">None yet.</li>}
        </ul>
      </section>
    </div>
  );
}
