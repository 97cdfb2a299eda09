import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IntlIsland } from "@/components/i18n/intl-island";
import { ADMIN_CLIENT_NAMESPACES } from "@/i18n/messages";
import { requirePermission } from "@/server/auth/require";

export const dynamic = "force-dynamic";

const LINKS = [
  ["/admin", "dashboard"],
  ["/admin/users", "users"],
  ["/admin/jobs", "jobs"],
  ["/admin/subscriptions", "subscriptions"],
  ["/admin/emails", "emails"],
  ["/admin/disputes", "disputes"],
  ["/admin/chargebacks", "chargebacks"],
  ["/admin/scoopers", "scoopers"],
  ["/admin/attestations", "attestations"],
  ["/admin/weather", "weather"],
  ["/admin/queues", "queues"],
  ["/admin/audit", "audit"],
] as const;

/**
 * Every /admin page is refused on the server for anyone but an admin (the layout runs for each of them). Its
 * client components translate with the `admin` catalogue, which only these pages receive (a nested provider
 * replaces the (app) layout's messages, so it carries the app's catalogues too).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("admin.access", "/admin");
  const t = await getTranslations("admin");
  return (
    <div className="flex flex-1 flex-col">
      <nav className="flex gap-4 overflow-x-auto border-b bg-slate-50 px-4 py-2 text-sm">
        {LINKS.map(([href, key]) => (
          <Link key={href} href={href} className="whitespace-nowrap font-medium text-slate-700 hover:text-brand-700">
            {t(`nav.${key}`)}
          </Link>
        ))}
      </nav>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <IntlIsland namespaces={ADMIN_CLIENT_NAMESPACES}>{children}</IntlIsland>
      </main>
    </div>
  );
}
