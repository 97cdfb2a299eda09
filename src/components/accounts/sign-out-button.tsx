"use client";
import { signOutAndForget } from "./sign-out";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOutAndForget("/")} className="text-slate-600 underline-offset-2 hover:underline">
      Sign out
    </button>
  );
}
