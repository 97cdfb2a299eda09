/**
 * The signed-in session as every layer sees it. It lives in auth (which makes it) and flows upward: the API layer
 * (src/server/api/trpc.ts) and the pages import it from here, never the reverse.
 */
import type { AppRole } from "@/lib/permissions";

/** `locale`: the saved language ("en"/"es"; null when none was chosen), read with the session so errors need no query. */
export type SessionUser = { id: string; email: string; name?: string | null; roles: AppRole[]; locale?: string | null };
/** `blocked` is the reason a suspended or banned user may not act (null when they may). */
export type Session = { user: SessionUser; blocked?: string | null; sessionId?: string };
