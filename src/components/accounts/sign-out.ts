/**
 * Signs out of this browser after wiping what it keeps for working offline (job copies with their access notes,
 * queued photos): the next person on this phone finds nothing. The offline code and next-auth's client load only
 * on sign-out: the header's button is on every page (issue 16's byte budgets).
 */
export async function signOutAndForget(callbackUrl: string): Promise<void> {
  await import("@/lib/offline/offline-store").then((store) => store.wipeOfflineData()).catch(() => undefined);
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl });
}
