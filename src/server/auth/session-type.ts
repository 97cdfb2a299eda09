/**
 * The signed-in session as every layer sees it. It lives in auth (which makes it) and flows upward: the API layer
 * (src/server/api/trpc.ts) and the pages import it from here, never the reverse.
 */
import type { AppRole } from "@/lib/permissions";

export type SessionUser = { id: string; email: string; name?: string | null; roles: AppRole[] };
/** `blocked` is the reason a suspended or banned user may not act (null when they may); `locale` the language
 * they saved ("en"/"es", null to follow the browser). */
export type Session = { user: SessionUser; blocked?: string | null; sessionId?: string; locale?: string | null };
