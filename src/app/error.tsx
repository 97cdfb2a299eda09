"use client";
import { useEffect } from "react";
import { DeadEnd } from "@/components/ui/dead-end";

/** Any page that throws: say so in words and offer to try again (the error is reported, never shown). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <DeadEnd
      title="Something went wrong"
      actions={
        <button type="button" onClick={reset} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800">
          Try again
        </button>
      }
    >
      <p>This page could not be shown just now. Trying again often helps; if it keeps happening, we have been told.</p>
      {error.digest && <p className="mt-2 text-xs text-slate-600">Reference: {error.digest}</p>}
    </DeadEnd>
  );
}
