"use client";
import { useEffect } from "react";
import { DeadEnd } from "@/components/ui/dead-end";
import { useErrorWords } from "@/components/ui/error-words";

/** Any page that throws: say so in words and offer to try again (the error is reported, never shown). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <DeadEnd
      title={words.title}
      links={words.links}
      actions={
        <button type="button" onClick={reset} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800">
          {words.retry}
        </button>
      }
    >
      <p>{words.body}</p>
      {error.digest && <p className="mt-2 text-xs text-slate-600">{words.reference.replace("{digest}", error.digest)}</p>}
    </DeadEnd>
  );
}
