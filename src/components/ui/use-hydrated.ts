import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/**
 * False on the server and in the render that hydrates its HTML, true after: for what only the browser can write
 * the same way twice (a date in the viewer's time zone), so a server-rendered page hydrates without a mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
