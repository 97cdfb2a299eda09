"use client";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format-date";
import { api } from "@/trpc/react";

/** New scoopers waiting for approval (SCOOPER_APPROVAL), oldest first; each approval is audited. */
export function ScoopersAdmin({ approvalOn }: { approvalOn: boolean }) {
  const utils = api.useUtils();
  const queue = api.adminScoopers.awaiting.useQuery();
  const approve = api.adminScoopers.approve.useMutation({ onSuccess: () => void utils.adminScoopers.awaiting.invalidate() });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {approvalOn
          ? "Approval is on: these scoopers can browse the board but not claim until approved."
          : "Approval is off (SCOOPER_APPROVAL=0): scoopers claim without it. Approving now only matters if it is turned on."}
      </p>
      {approve.error && <Notice tone="error">{formError(approve.error)}</Notice>}
      {queue.isLoading && <p className="text-slate-600">Loading…</p>}
      {queue.data?.length === 0 && <p className="text-slate-600">Nobody is waiting for approval.</p>}
      <ul className="divide-y" data-testid="scooper-queue">
        {queue.data?.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <span className="min-w-0">
              <span className="block font-medium">{u.name ?? "(no name)"}</span>
              <span className="block truncate text-sm text-slate-700">{u.email} · signed up {formatDateTime(u.createdAt)}</span>
            </span>
            <button
              type="button"
              className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ userId: u.id })}
            >
              Approve<span className="sr-only"> {u.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
