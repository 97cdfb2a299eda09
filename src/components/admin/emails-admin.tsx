"use client";
import { formatDateTime } from "@/lib/format-date";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import { EnumSelect } from "./enum-select";
import { api } from "@/trpc/react";

type EmailStatus = "QUEUED" | "SENT" | "FAILED";
const EMAIL_STATUSES = [["QUEUED", "Queued"], ["SENT", "Sent"], ["FAILED", "Failed"]] as const;

export function EmailsAdmin() {
  const [status, setStatus] = useState<EmailStatus | "">("");
  const utils = api.useUtils();
  const emails = api.adminEmails.list.useQuery({ status: status || null });
  const retry = api.adminEmails.retry.useMutation({ onSuccess: () => utils.adminEmails.list.invalidate() });
  return (
    <div className="space-y-4">
      <EnumSelect label="Status" anyLabel="Any status" options={EMAIL_STATUSES} value={status} onChange={setStatus} />
      {(emails.error ?? retry.error) && <Notice tone="error">{formError((emails.error ?? retry.error)!)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">When</th><th>Kind</th><th>To</th><th>Subject</th><th>Status</th><th>Attempts</th><th>Last error</th><th /></tr>
          </thead>
          <tbody>
            {emails.data?.map((m) => (
              <tr key={m.id} className="border-t align-top" data-testid="admin-email-row" data-email-id={m.id}>
                <td data-label="When" className="whitespace-nowrap py-2">{formatDateTime(m.sentAt ?? m.createdAt)}</td>
                <td data-label="Kind" className="font-mono text-xs">{m.kind}</td>
                <td data-label="To">{m.toAddress}</td>
                <td data-label="Subject">{m.subject}</td>
                <td data-label="Status" data-testid="admin-email-status">{m.status.toLowerCase()}</td>
                <td data-label="Attempts">{m.attempts}</td>
                <td data-label="Last error" className="max-w-xs break-words text-xs text-red-700">{m.lastError}</td>
                <td>
                  {m.status === "FAILED" && (
                    <button className="rounded border px-2 py-1" disabled={retry.isPending} onClick={() => retry.mutate({ id: m.id })}>Retry</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {emails.data?.length === 0 && <p className="py-4 text-sm text-slate-600">No emails match.</p>}
      </div>
    </div>
  );
}
