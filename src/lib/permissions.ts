/**
 * Who may do what: the one role → permission table. Procedures enforce it on the server
 * (`permissionProcedure` in src/server/api/trpc.ts) and the UI reads it to hide what a user may not do.
 * Rules that depend on the data (e.g. "not your own job") live in the domain services, not here.
 */
export const ROLES = ["CUSTOMER", "SCOOPER", "ADMIN"] as const;
export type AppRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Post one-off jobs, manage own jobs and recurring cleanups, confirm or dispute work. */
  "jobs.post": ["CUSTOMER"],
  /** See the job board, claim jobs, do them. */
  "jobs.claim": ["SCOOPER"],
  "recurring.manage": ["CUSTOMER"],
  /** Everything under /admin. */
  "admin.access": ["ADMIN"],
} as const satisfies Record<string, readonly AppRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly AppRole[] | undefined | null, permission: Permission): boolean {
  const allowed: readonly AppRole[] = PERMISSIONS[permission];
  return !!roles && roles.some((role) => allowed.includes(role));
}
