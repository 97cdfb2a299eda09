import Link from "next/link";
import { requirePermission } from "@/server/auth/require";

export const dynamic = "force-dynamic";

const LINKS = [
  ["/admin", "Dashboard"],
  ["/admin/users", "Users"],
  ["/admin/jobs", "Jobs"],
  ["/admin/subscriptions", "Subscriptions"],
  ["/admin/emails", "Sent emails"],
  ["/admin/disputes", "Disputes"],
  ["/admin/chargebacks", "Card disputes"],
  ["/admin/scoopers", "Scoopers"],
  ["/admin/attestations", "Statements"],
  ["/admin/weather", "Weather"],
  ["/admin/queues", "Queues"],
  ["/admin/audit", "Audit log"],
] as const;

/** Every /admin page is refused on the server for anyone but an admin (the layout runs for each of them). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("admin.access", "/admin");
  return (
    <div className="flex flex-1 flex-col">
      <nav className="flex gap-4 overflow-x-auto border-b bg-slate-50 px-4 py-2 text-sm">
        {LINKS.map(([href, label]) => (
          <Link key={href} href={href} className="whitespace-nowrap font-medium text-slate-700 hover:text-brand-700">
            {label}
          </Link>
        ))}
      </nav>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
