"use client";
import { formatDateTime } from "@/lib/format-date";
import { useDeferredValue, useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice, TextInput } from "@/components/ui/form";
import { api } from "@/trpc/react";

/** The audit log, newest first, filtered by action, acting admin and target as the admin types. */
export function AuditAdmin() {
  const [action, setAction] = useState("");
  const [actorEmail, setActorEmail] = useState("");
  const [targetId, setTargetId] = useState("");
  const filters = useDeferredValue({ action: action || undefined, actorEmail: actorEmail || undefined, targetId: targetId.trim() || undefined });
  const rows = api.adminOps.audit.useQuery(filters, { placeholderData: (previous) => previous });
  return (
    <div className="space-y-4">
      <div className="grid gap-2 md:grid-cols-3">
        <TextInput aria-label="Action starts with" placeholder="Action, e.g. user.ban" value={action} onChange={(e) => setAction(e.target.value)} />
        <TextInput aria-label="Admin email contains" placeholder="Admin email contains…" value={actorEmail} onChange={(e) => setActorEmail(e.target.value)} />
        <TextInput aria-label="Target id" placeholder="Target id (user, job, subscription)" value={targetId} onChange={(e) => setTargetId(e.target.value)} />
      </div>
      {rows.error && <Notice tone="error">{formError(rows.error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">When</th><th>Who</th><th>Action</th><th>Target</th><th>Reason</th><th>Change</th></tr>
          </thead>
          <tbody>
            {rows.data?.map((r) => (
              <tr key={r.id} className="border-t align-top" data-testid="audit-row">
                <td data-label="When" className="py-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                <td data-label="Who">{r.actorEmail ?? "command line"}</td>
                <td data-label="Action" className="font-mono text-xs">{r.action}</td>
                <td data-label="Target" className="font-mono text-xs">{r.targetType}:{r.targetId}</td>
                <td data-label="Reason">{r.reason}</td>
                <td data-label="Change">
                  <details>
                    <summary className="cursor-pointer text-xs">before / after</summary>
                    <pre className="text-xs">{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.data?.length === 0 && <p className="py-4 text-sm text-slate-600">No audit entries match.</p>}
      </div>
    </div>
  );
}
