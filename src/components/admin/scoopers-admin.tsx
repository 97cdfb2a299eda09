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
          <li key={u.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            {u.profile.photoVersion
              // eslint-disable-next-line @next/next/no-img-element -- private, per-viewer image: Next's optimizer would cache it
              ? <img src={`/api/scoopers/${u.id}/photo?v=${u.profile.photoVersion}`} alt={`Photo of ${u.profile.displayName ?? u.email}`} width={64} height={64} className="h-16 w-16 rounded-full border object-cover" />
              : <span className="flex h-16 w-16 items-center justify-center rounded-full border bg-slate-100 text-xs text-slate-600">No photo</span>}
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{u.name ?? "(no name)"}{u.profile.displayName && <> · shown as “{u.profile.displayName}”</>}</span>
              <span className="block truncate text-sm text-slate-700">{u.email} · signed up {formatDateTime(u.createdAt)}</span>
              <span className="block text-sm text-slate-700">
                {u.profile.serviceRadiusKm !== null && u.profile.serviceLat !== null && u.profile.serviceLng !== null
                  ? `Works within ${u.profile.serviceRadiusKm} km of ${u.profile.serviceLat.toFixed(3)}, ${u.profile.serviceLng.toFixed(3)}`
                  : "No service area yet"}
              </span>
              {u.acceptances.length > 0 ? (
                <ul className="mt-1 list-inside list-disc text-sm text-slate-700" aria-label={`Statements ${u.email} accepted`}>
                  {u.acceptances.map((a) => <li key={`${a.attestationId}-${a.version}`}>{a.text} <span className="text-slate-600">(v{a.version}, {formatDateTime(a.acceptedAt)})</span></li>)}
                </ul>
              ) : <span className="block text-sm text-slate-700">No statements accepted yet</span>}
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
