/**
 * The header's page links, each shown only to roles that may use it (the permission table the server enforces).
 * Pure, so the e2e navigation walk and the page-reachability test read the same list the header renders.
 */
import { can, type AppRole, type Permission } from "@/lib/permissions";

/** `key` names the link's words in the `header` catalogue (`nav.<key>`); `label` is its English, for tests. */
export const NAV_LINKS: { href: string; key: string; label: string; permissions: Permission[] }[] = [
  { href: "/board", key: "board", label: "Board", permissions: ["jobs.claim"] },
  { href: "/today", key: "today", label: "Today", permissions: ["jobs.claim"] },
  { href: "/jobs/new", key: "post", label: "Post a job", permissions: ["jobs.post"] },
  { href: "/my-jobs", key: "myJobs", label: "My jobs", permissions: ["jobs.post", "jobs.claim"] },
  { href: "/recurring", key: "recurring", label: "Recurring", permissions: ["recurring.manage"] },
  { href: "/yards", key: "yards", label: "Yards", permissions: ["jobs.post"] },
  { href: "/payments", key: "payments", label: "Payments", permissions: ["jobs.post"] },
  { href: "/earnings", key: "earnings", label: "Earnings", permissions: ["jobs.claim"] },
];

export function navLinksFor(roles: readonly AppRole[]) {
  return NAV_LINKS.filter((l) => l.permissions.some((p) => can(roles, p)));
}
