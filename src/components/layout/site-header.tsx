import Link from "next/link";
import { useLocale, useMessages, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { can, type AppRole } from "@/lib/permissions";
import { navLinksFor } from "./nav-links";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { pickNamespaces } from "@/i18n/messages";

/**
 * One header for every page. Mobile-first: the account controls stay on the top row and the page links wrap
 * to a second, horizontally scrollable row on narrow screens (one copy of each link, so tests and screen
 * readers never see duplicates).
 *
 * Its links do not prefetch: every page here is rendered per request, so a prefetch brings only the shared layout,
 * and on a phone the header's four to eight prefetches at load competed with the page's own scripts (issue 16).
 */
export function SiteHeader({ user, blocked }: { user: { name?: string | null; email: string; roles: AppRole[] } | null; blocked: boolean }) {
  const t = useTranslations("header");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const messages = useMessages();
  const links = user ? navLinksFor(user.roles) : [];
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-3 border-b bg-white px-4">
      <Link href="/" prefetch={false} className="flex h-14 items-center text-lg font-bold text-brand-700">
        Scoop
      </Link>
      {links.length > 0 && (
        <nav aria-label={t("mainNav")} className="order-last -mx-4 flex w-[calc(100%+2rem)] gap-1 overflow-x-auto border-t px-3 py-1 text-sm sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:border-t-0 sm:py-0">
          {links.map((l) => (
            <Link key={l.href} href={l.href} prefetch={false} className="whitespace-nowrap rounded-lg px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100">
              {t(`nav.${l.key}`)}
            </Link>
          ))}
        </nav>
      )}
      <div className="flex min-h-14 flex-wrap items-center justify-end gap-x-3 gap-y-1 py-2 text-sm">
        <LanguageSwitcher signedIn={!!user} locale={locale} label={tc("language")} />
        {user ? (
          <>
            {can(user.roles, "admin.access") && (
              <Link href="/admin" prefetch={false} className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                {t("admin")}
              </Link>
            )}
            {!blocked && (
              // The bell's live part translates in the browser with its own catalogue, loaded with it.
              <NotificationBell label={t("notifications")} locale={locale} messages={pickNamespaces(messages, ["notifications-ui"])} />
            )}
            <Link href="/profile" prefetch={false} className="max-w-[10rem] truncate font-medium text-slate-800" data-testid="signed-in-as">
              {user.name ?? user.email}
            </Link>
            <SignOutButton label={t("signOut")} />
          </>
        ) : (
          <>
            <Link href="/board" prefetch={false} className="text-slate-700">
              {t("findJobs")}
            </Link>
            <SignInLink label={t("signIn")} />
            <Link href="/sign-up" prefetch={false} className="rounded-lg bg-brand-600 px-3 py-1.5 font-semibold text-white">
              {t("signUp")}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
