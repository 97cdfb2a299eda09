"use client";
/**
 * What happens in the field, on a job's page: the claiming scooper's "On my way" (optionally sharing their
 * position once, for an estimate) and the poster's view of it. Offered only when the server lists the action.
 */
import { useState } from "react";
import { api } from "@/trpc/react";
import type { JobDetail } from "@/server/jobs/dto";
import { devicePositionOnce } from "./device-position";

const timeOfDay = (d: Date) => d.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });

export function FieldActions({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const [sharePosition, setSharePosition] = useState(true);
  const onMyWay = api.jobs.onMyWay.useMutation({ onSuccess: onChanged });
  const mayTap = job.actions.includes("onMyWay");

  return (
    <>
      {job.status === "CLAIMED" && job.onMyWayAt && (
        <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="on-my-way-status">
          {job.viewer.isScooper ? "You told the customer you are on the way" : "Your scooper is on the way"}
          {job.onMyWayEtaAt ? <>: expected around <b>{timeOfDay(job.onMyWayEtaAt)}</b>.</> : "."}
        </p>
      )}
      {mayTap && (
        <div className="space-y-1 rounded-lg border p-3">
          <button
            className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60"
            disabled={onMyWay.isPending}
            onClick={async () => onMyWay.mutate({ jobId: job.id, location: sharePosition ? await devicePositionOnce() : null })}
          >
            On my way
          </button>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={sharePosition} onChange={(e) => setSharePosition(e.target.checked)} />
            Share my position once, so the customer gets an arrival estimate
          </label>
          {onMyWay.error && <p className="text-sm text-red-700">{onMyWay.error.message}</p>}
        </div>
      )}
    </>
  );
}
