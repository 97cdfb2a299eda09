"use client";
import { api } from "@/trpc/react";

export function AuditAdmin() {
  const rows = api.adminOps.audit.useQuery({});
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr><th className="py-2">When</th><th>Who</th><th>Action</th><th>Target</th><th>Reason</th><th>Change</th></tr>
        </thead>
        <tbody>
          {rows.data?.map((r) => (
            <tr key={r.id} className="border-t align-top" data-testid="audit-row">
              <td className="py-2 whitespace-nowrap">{r.createdAt.toLocaleString()}</td>
              <td>{r.actorEmail ?? "command line"}</td>
              <td className="font-mono text-xs">{r.action}</td>
              <td className="font-mono text-xs">{r.targetType}:{r.targetId}</td>
              <td>{r.reason}</td>
              <td>
                <details>
                  <summary className="cursor-pointer text-xs">before / after</summary>
                  <pre className="text-xs">{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
