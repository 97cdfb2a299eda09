/**
 * Signing in from the browser through next-auth's REST endpoints: the same two requests `signIn(…, { redirect:
 * false })` from next-auth/react makes for the credentials and email providers (GET /api/auth/csrf, then a form
 * POST with `json=true`, answered with the URL next-auth would redirect to, which carries `?error=`), without its
 * ~10 kB client, which the sign-in page's byte budget cannot hold (issue 16). The page reloads its server data
 * afterwards (`router.refresh()`), so nothing else needs next-auth's session cache.
 */
export type SignInResult = { ok: boolean; status: number; error: string | null; url: string | null };

export async function signInWith(provider: "credentials" | "email", fields: Record<string, string>, callbackUrl: string): Promise<SignInResult> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch(`/api/auth/${provider === "credentials" ? "callback" : "signin"}/${provider}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl, json: "true" }),
  });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : res.ok ? null : "Default";
  return { ok: res.ok && !error, status: res.status, error, url: error ? null : (data.url ?? null) };
}
