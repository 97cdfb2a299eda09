"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Pages (first path segment) where coming back after signing in means nothing; the sign-in page checks every target anyway. */
const NO_RETURN = new Set(["", "sign-in", "sign-up", "forgot-password", "reset-password"]);

/**
 * The header's "Sign in": brings the visitor back to the page they were on (through the sign-in page's redirect
 * check). Its words come from the server's header: no client-side translator on pages that need none (issue 16).
 */
export function SignInLink({ label }: { label: string }) {
  const path = usePathname();
  const href = path && !NO_RETURN.has(path.split("/")[1] ?? "") ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in";
  return (
    <Link href={href} prefetch={false} className="text-slate-700">
      {label}
    </Link>
  );
}
