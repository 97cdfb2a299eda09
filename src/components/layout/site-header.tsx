import Link from "next/link";
import { can } from "@/lib/permissions";
import { getCurrentSession } from "@/server/auth/current-session";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";

export async function SiteHeader() {
  const session = await getCurrentSession();
  const user = session?.user;
  return (
    <header className="flex h-14 items-center justify-between gap-3 border-b bg-white px-4">
      <Link href="/" className="text-lg font-bold text-brand-700">
        Scoop
      </Link>
      <nav className="flex items-center gap-3 text-sm">
        {user ? (
          <>
            {can(user.roles, "admin.access") && (
              <Link href="/admin" className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                Admin
              </Link>
            )}
            {!session.blocked && <NotificationBell />}
            <Link href="/profile" className="font-medium text-slate-800" data-testid="signed-in-as">
              {user.name ?? user.email}
            </Link>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/sign-in" className="text-slate-700">
              Sign in
            </Link>
            <Link href="/sign-up" className="rounded-lg bg-brand-600 px-3 py-1.5 font-semibold text-white">
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
