"use client";
/**
 * Keeps a board map's cached answers live from `jobs.onBoardChange`. A job that leaves the board is dropped from
 * every cached list of pins; a job that opens is put into the shown answers by the browser itself
 * (src/lib/board-live.ts) — with a thousand maps open, a refetch per map per new pin was the real cost of a post.
 * Only what cannot be worked out locally asks the server again, and only for that view, once per burst of events
 * after a short random delay (src/lib/board-refresh.ts) so that many maps do not all ask in the same millisecond:
 * a clusters view on a close, a new pin in a cell with no cluster yet, pins that would become clusters, a `resync`.
 *
 * Answers not on screen (other viewports or filters seen before) are only marked stale; they refetch when shown.
 * A reconnect resumes from the last event id (tRPC's tracked subscriptions), so only a new subscription refetches.
 */
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useEffect, useRef } from "react";
import { applyOpenedToList, applyOpenedToView, REFETCH, type BoardQueryLike } from "@/lib/board-live";
import { boardRefetchDelayMs, boxesMeet } from "@/lib/board-refresh";
import type { Bounds } from "@/lib/geo";
import type { BoardJob } from "@/lib/schemas/board";
import { api, type RouterOutputs } from "@/trpc/react";

type BoardView = RouterOutputs["jobs"]["board"];
type BoardList = RouterOutputs["jobs"]["openInViewport"];

const inputOf = (key: QueryKey) => (key[1] as { input?: BoardQueryLike } | undefined)?.input;

export function useBoardLive(bounds: Bounds) {
  const queryClient = useQueryClient();
  /** Views to ask again at the end of the burst: exact query keys, or a procedure's whole prefix. */
  const pending = useRef(new Map<string, { queryKey: QueryKey; exact: boolean }>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const startedFor = useRef<string | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const refetchSoon = (keys: QueryKey[], exact = true) => {
    for (const queryKey of keys) pending.current.set(JSON.stringify([queryKey, exact]), { queryKey, exact });
    if (timer.current || pending.current.size === 0) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const due = [...pending.current.values()];
      pending.current.clear();
      for (const filters of due) void queryClient.invalidateQueries(filters);
    }, boardRefetchDelayMs());
  };

  const boardKey = getQueryKey(api.jobs.board);
  const listKey = getQueryKey(api.jobs.openInViewport);
  const markOffscreenStale = () => {
    for (const queryKey of [boardKey, listKey]) void queryClient.invalidateQueries({ queryKey, type: "inactive", refetchType: "none" });
  };

  /** Puts opened jobs into the shown answers; what cannot be updated here is refetched. */
  const opened = (jobs: BoardJob[]) => {
    const cache = queryClient.getQueryCache();
    const refetch: QueryKey[] = [];
    const apply = <T>(queryKey: QueryKey, update: (data: T, input: BoardQueryLike) => T | typeof REFETCH) => {
      for (const query of cache.findAll({ queryKey, type: "active" })) {
        const input = inputOf(query.queryKey);
        const data = query.state.data as T | undefined;
        // An answer on its way may predate the post: ask again once it is in.
        if (!input || data === undefined || query.state.fetchStatus === "fetching") {
          refetch.push(query.queryKey);
          continue;
        }
        const next = update(data, input);
        if (next === REFETCH) refetch.push(query.queryKey);
        else if (next !== data) queryClient.setQueryData(query.queryKey, next);
      }
    };
    apply<BoardView>(boardKey, (view, input) => applyOpenedToView(view, jobs, input));
    apply<BoardList>(listKey, (list, input) => applyOpenedToList(list, jobs, input));
    markOffscreenStale();
    refetchSoon(refetch);
  };

  api.jobs.onBoardChange.useSubscription(
    { bounds },
    {
      onStarted: () => {
        // Anything that changed between the page's fetch and a new subscription's start is picked up by refetching;
        // a reconnect of the same subscription resumes from its last event id instead (or gets a `resync`).
        const key = JSON.stringify(bounds);
        if (startedFor.current === key) return;
        startedFor.current = key;
        void queryClient.invalidateQueries({ queryKey: boardKey });
      },
      onData: ({ data: event }) => {
        if (event.type === "job.closed") {
          // Every cached list of pins (any viewport or filter) drops the job at once; cluster counts refetch.
          const keep = (j: { id: string }) => j.id !== event.jobId;
          queryClient.setQueriesData({ queryKey: boardKey }, (current?: BoardView) =>
            current?.kind === "pins" ? { ...current, jobs: current.jobs.filter(keep) } : current,
          );
          queryClient.setQueriesData({ queryKey: listKey }, (current?: BoardList) => (current ? { ...current, jobs: current.jobs.filter(keep) } : current));
          const clusterViews = queryClient
            .getQueryCache()
            .findAll({ queryKey: boardKey, type: "active" })
            .filter((q) => (q.state.data as BoardView | undefined)?.kind === "clusters");
          markOffscreenStale();
          refetchSoon(clusterViews.map((q) => q.queryKey));
        } else if (event.type === "job.opened") {
          opened([event.job]);
        } else if (event.type === "jobs.batch-opened") {
          // A batch of generated jobs opened: only maps whose view meets the batch's box have anything to add.
          if (boxesMeet(event.bounds, bounds)) opened(event.jobs);
        } else {
          // `resync`, or an event this build does not know: ask for every view again.
          refetchSoon([boardKey, listKey], false);
        }
      },
    },
  );
}
