"use client";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice, TextInput } from "@/components/ui/form";
import { formatDate } from "@/lib/format-date";
import { api } from "@/trpc/react";

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

type Action = "suspend" | "ban" | "reinstate" | "grantAdmin" | "revokeAdmin" | "grantScooper" | "grantCustomer";

const ACTION_WORDS: Record<Action, { title: string; confirm: string; what: string }> = {
  suspend: { title: "Suspend this user?", confirm: "Suspend", what: "cannot sign in, post or claim until the date or until reinstated. Their open jobs are cancelled (holds released), recurring cleanups paused, and jobs they claimed go back to the board (in-progress ones to an admin)." },
  ban: { title: "Ban this user?", confirm: "Ban", what: "can never sign in again unless reinstated. Their open jobs are cancelled (holds released), recurring cleanups paused, and jobs they claimed go back to the board (in-progress ones to an admin)." },
  reinstate: { title: "Reinstate this user?", confirm: "Reinstate", what: "can sign in, post and claim again." },
  grantAdmin: { title: "Make this user an admin?", confirm: "Make admin", what: "will see every job, every user and private access notes, and can take every admin action." },
  revokeAdmin: { title: "Remove admin rights?", confirm: "Remove admin", what: "loses the admin pages." },
  grantScooper: { title: "Add the scooper role?", confirm: "Add scooper", what: "can claim jobs from the board." },
  grantCustomer: { title: "Add the customer role?", confirm: "Add customer", what: "can post jobs and recurring cleanups." },
};

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

  // One dialog for every row's actions (it replaced window.prompt): the reason is required and kept in the audit log.
  const [pending, setPending] = useState<{ userId: string; email: string; action: Action } | null>(null);
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("");
  const ask = (userId: string, email: string, action: Action) => (setPending({ userId, email, action }), setReason(""), setDays(""));

  function act() {
    if (!pending || !reason.trim()) return;
    const { userId, action } = pending;
    const why = reason.trim();
    if (action === "suspend") {
      const n = Number(days || 0);
      suspend.mutate({ userId, reason: why, until: n > 0 ? daysFromNow(n) : null });
    } else if (action === "ban") ban.mutate({ userId, reason: why });
    else if (action === "reinstate") reinstate.mutate({ userId, reason: why });
    else if (action === "grantAdmin") grant.mutate({ userId, role: "ADMIN", reason: why });
    else if (action === "grantScooper") grant.mutate({ userId, role: "SCOOPER", reason: why });
    else if (action === "grantCustomer") grant.mutate({ userId, role: "CUSTOMER", reason: why });
    else revoke.mutate({ userId, role: "ADMIN", reason: why });
    setPending(null);
  }
  const daysValid = /^\d*$/.test(days.trim());

  return (
    <div className="space-y-4">
      <TextInput placeholder="Search by email or name" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search users" />
      {error && <Notice tone="error">{formError(error)}</Notice>}
      {pending && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setPending(null)}
          title={ACTION_WORDS[pending.action].title}
          tone={pending.action === "ban" || pending.action === "suspend" ? "danger" : "default"}
          confirmLabel={ACTION_WORDS[pending.action].confirm}
          cancelLabel="Back"
          confirmDisabled={!reason.trim() || !daysValid}
          onConfirm={act}
          description={<p><b className="break-all">{pending.email}</b>: {ACTION_WORDS[pending.action].what}</p>}
        >
          <label className="block text-sm font-medium">
            Reason (required, kept in the audit log)
            <input className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          {pending.action === "suspend" && (
            <label className="block text-sm font-medium">
              Suspend for how many days? (empty: until reinstated)
              <input className="mt-1 block w-24 rounded-lg border px-3 py-2" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!daysValid} />
              {!daysValid && <span className="block text-sm text-red-700" role="alert">Use a whole number of days.</span>}
            </label>
          )}
        </ConfirmDialog>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm max-sm:block">
          <thead className="text-xs uppercase text-slate-600 max-sm:hidden">
            <tr>
              <th className="py-2">User</th>
              <th>Roles</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {users.data?.map((u) => (
              <tr key={u.id} className="border-t align-top max-sm:block max-sm:space-y-1 max-sm:py-3" data-testid="admin-user-row" data-email={u.email}>
                <td className="py-2 max-sm:block max-sm:py-0">
                  <div className="font-medium">{u.name ?? "—"}</div>
                  <div className="break-all text-slate-600">{u.email}</div>
                </td>
                <td className="max-sm:block">{u.roles.map((r) => r.toLowerCase()).join(", ")}</td>
                <td className="max-sm:block" data-testid="admin-user-status">
                  {u.status.toLowerCase()}
                  {u.suspendedUntil && <div className="text-xs text-slate-500">until {formatDate(u.suspendedUntil)}</div>}
                </td>
                <td className="space-x-2 space-y-1 max-sm:block">
                  {u.status === "ACTIVE" ? (
                    <>
                      <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "suspend")}>Suspend</button>
                      <button className="rounded border border-red-300 px-2 py-1 text-red-700" onClick={() => ask(u.id, u.email, "ban")}>Ban</button>
                    </>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "reinstate")}>Reinstate</button>
                  )}
                  {!u.roles.includes("SCOOPER") && <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantScooper")}>+ scooper</button>}
                  {!u.roles.includes("CUSTOMER") && <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantCustomer")}>+ customer</button>}
                  {u.roles.includes("ADMIN") ? (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "revokeAdmin")}>− admin</button>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantAdmin")}>+ admin</button>
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
