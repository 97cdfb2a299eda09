/**
 * The one check for every post-sign-in (or other) redirect target: the target is parsed as a URL against this
 * site's origin, the way a browser would (so `/\evil.example`, `//evil.example` and a tab after the first slash
 * all resolve to another host), and only a same-origin result is kept, as a path. Anything else goes home.
 */
export function safeRedirectPath(target: string | null | undefined, appOrigin: string): string {
  if (!target) return "/";
  try {
    const base = new URL(appOrigin);
    const url = new URL(target, base);
    if (url.origin !== base.origin) return "/";
    return `${url.pathname}${url.search}${url.hash}` || "/";
  } catch {
    return "/";
  }
}
