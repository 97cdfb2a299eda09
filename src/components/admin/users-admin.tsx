"use client";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice, TextInput } from "@/components/ui/form";
import { api } from "@/trpc/react";

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

type Action = "suspend" | "ban" | "reinstate" | "grantAdmin" | "revokeAdmin" | "grantScooper" | "grantCustomer";

export function UsersAdmin() {
  const [query, setQuery] = useState("");
  const users = api.adminUsers.search.useQuery({ query });
  const utils = api.useUtils();
  const done = () => void utils.adminUsers.search.invalidate();
  const suspend = api.adminUsers.suspend.useMutation({ onSuccess: done });
  const ban = api.adminUsers.ban.useMutation({ onSuccess: done });
  const reinstate = api.adminUsers.reinstate.useMutation({ onSuccess: done });
  const grant = api.adminUsers.grantRole.useMutation({ onSuccess: done });
  const revoke = api.adminUsers.revokeRole.useMutation({ onSuccess: done });
  const error = suspend.error ?? ban.error ?? reinstate.error ?? grant.error ?? revoke.error;

  function act(userId: string, action: Action) {
    const reason = window.prompt("Reason (required, kept in the audit log):")?.trim();
    if (!reason) return;
    if (action === "suspend") {
      const days = Number(window.prompt("Suspend for how many days? (empty = until reinstated)") || 0);
      suspend.mutate({ userId, reason, until: days > 0 ? daysFromNow(days) : null });
    } else if (action === "ban") ban.mutate({ userId, reason });
    else if (action === "reinstate") reinstate.mutate({ userId, reason });
    else if (action === "grantAdmin") grant.mutate({ userId, role: "ADMIN", reason });
    else if (action === "grantScooper") grant.mutate({ userId, role: "SCOOPER", reason });
    else if (action === "grantCustomer") grant.mutate({ userId, role: "CUSTOMER", reason });
    else revoke.mutate({ userId, role: "ADMIN", reason });
  }

  return (
    <div className="space-y-4">
      <TextInput placeholder="Search by email or name" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search users" />
      {error && <Notice tone="error">{formError(error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">User</th>
              <th>Roles</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id} className="border-t align-top" data-testid="admin-user-row" data-email={u.email}>
                <td className="py-2">
                  <div className="font-medium">{u.name ?? "—"}</div>
                  <div className="text-slate-600">{u.email}</div>
                </td>
                <td>{u.roles.map((r) => r.toLowerCase()).join(", ")}</td>
                <td data-testid="admin-user-status">
                  {u.status.toLowerCase()}
                  {u.suspendedUntil && <div className="text-xs text-slate-500">until {u.suspendedUntil.toISOString().slice(0, 10)}</div>}
                </td>
                <td className="space-x-2 space-y-1">
                  {u.status === "ACTIVE" ? (
                    <>
                      <button className="rounded border px-2 py-1" onClick={() => act(u.id, "suspend")}>Suspend</button>
                      <button className="rounded border border-red-300 px-2 py-1 text-red-700" onClick={() => act(u.id, "ban")}>Ban</button>
                    </>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => act(u.id, "reinstate")}>Reinstate</button>
                  )}
                  {!u.roles.includes("SCOOPER") && <button className="rounded border px-2 py-1" onClick={() => act(u.id, "grantScooper")}>+ scooper</button>}
                  {!u.roles.includes("CUSTOMER") && <button className="rounded border px-2 py-1" onClick={() => act(u.id, "grantCustomer")}>+ customer</button>}
                  {u.roles.includes("ADMIN") ? (
                    <button className="rounded border px-2 py-1" onClick={() => act(u.id, "revokeAdmin")}>− admin</button>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => act(u.id, "grantAdmin")}>+ admin</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
