"use client";
import { signOutAndForget } from "./sign-out";

/** The header's sign-out: its words come from the server's header (no client catalogue on every page). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOutAndForget("/")} className="text-slate-600 underline-offset-2 hover:underline">
      {label}
    </button>
  );
}
