import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/permissions";
import { getCurrentSession } from "./current-session";

/** For pages: sign-in redirect when anonymous, 403 when signed in without `permission` or blocked. */
export async function requirePermission(permission: Permission, callbackUrl: string) {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.blocked || !can(session.user.roles, permission)) forbidden();
  return session;
}
