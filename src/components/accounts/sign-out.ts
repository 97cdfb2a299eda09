import { signOut } from "next-auth/react";

/**
 * Signs out of this browser after wiping what it keeps for working offline (job copies with their access notes,
 * queued photos): the next person on this phone finds nothing. The offline code loads only on sign-out.
 */
export async function signOutAndForget(callbackUrl: string): Promise<void> {
  await import("@/lib/offline/offline-store").then((store) => store.wipeOfflineData()).catch(() => undefined);
  await signOut({ callbackUrl });
}
