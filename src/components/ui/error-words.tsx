"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { DeadEndLinks } from "./dead-end";

export type ErrorWords = { title: string; body: string; retry: string; reference: string; links: DeadEndLinks };

const Words = createContext<ErrorWords | null>(null);

/**
 * The error boundary's words in the request's language, translated by the root layout on the server. The boundary
 * (src/app/error.tsx) is a client component on every page; a context of five strings keeps next-intl's client
 * formatter off pages that translate nothing in the browser (issue 16's byte budgets).
 */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error("ErrorWordsProvider is missing from the root layout.");
  return words;
}
