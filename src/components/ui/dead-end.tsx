import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The page for "not here", "not yours" and "broken": Scoop's look, what happened in plain words, and ways back
 * (404, 403 and the error boundary share it, so none of them is a bare framework page). Words come from the caller
 * (the `pages` catalogue), so the error boundary, a client component, needs no client catalogue.
 */
export type DeadEndLinks = { home: string; board: string };

export function DeadEnd(props: { code?: string; title: string; children: ReactNode; actions?: ReactNode; links: DeadEndLinks }) {
  return (
    <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center gap-3 px-4 py-16 text-center">
      <svg aria-hidden viewBox="0 0 64 64" className="h-14 w-14 fill-brand-700">
        {/* A paw: no emoji font is needed to draw it. */}
        <ellipse cx="32" cy="42" rx="14" ry="11" />
        <ellipse cx="14" cy="26" rx="6" ry="8" />
        <ellipse cx="25" cy="14" rx="6" ry="8" />
        <ellipse cx="39" cy="14" rx="6" ry="8" />
        <ellipse cx="50" cy="26" rx="6" ry="8" />
      </svg>
      {props.code && <p className="text-sm font-semibold tracking-wide text-brand-700">{props.code}</p>}
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <div className="text-slate-700">{props.children}</div>
      <div className="mt-3 flex flex-wrap justify-center gap-3">
        {props.actions}
        <Link href="/" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">
          {props.links.home}
        </Link>
        <Link href="/board" className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800">
          {props.links.board}
        </Link>
      </div>
    </main>
  );
}
