/**
 * next-auth v4 reads NEXTAUTH_URL from the environment itself (links in emails, and whether cookies are
 * `__Secure-`). Scoop configures one public URL, APP_URL; this module makes next-auth use it.
 */
import { env } from "@/env";

// eslint-disable-next-line no-restricted-properties -- next-auth reads this variable directly.
process.env.NEXTAUTH_URL ??= env.APP_URL;
