/**
 * An id for one load of a page (the job page sends it so a reveal of the access notes is logged once per visit,
 * however often the page refetches). crypto.randomUUID needs a secure context; plain http on a LAN address falls
 * back to getRandomValues.
 */
export function newVisitId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
