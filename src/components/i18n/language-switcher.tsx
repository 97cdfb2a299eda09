"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locales";

/** Each language named in itself, so a reader finds their own whatever the page's language. */
const NATIVE_NAME: Record<Locale, string> = { en: "English", es: "Español" };

/**
 * The language switcher (header and profile). Signed out, the choice is kept in the `scoop-locale` cookie;
 * signed in, it is also saved on the account (accounts.setLocale, src/trpc/save-locale.ts), which emails and push
 * follow. Then the page is rendered again in the new language. The caller (a server component) passes the
 * current language and the label, so pages need no client-side translator for it (issue 16's byte budgets).
 */
export function LanguageSwitcher({ signedIn, locale, label, className }: { signedIn: boolean; locale: Locale; label: string; className?: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [saving, setSaving] = useState(false);

  async function choose(next: Locale) {
    // A year; the cookie also keeps the choice after signing out.
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (signedIn) {
      setSaving(true);
      try {
        // Loaded on demand: the header holds no tRPC provider (see src/trpc/save-locale.ts).
        const { saveLocale } = await import("@/trpc/save-locale");
        await saveLocale(next);
      } finally {
        setSaving(false);
      }
    }
    startTransition(() => router.refresh());
  }

  return (
    <span className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending || saving}
        onChange={(e) => {
          if (isLocale(e.target.value)) void choose(e.target.value);
        }}
        className="rounded-lg border border-slate-300 bg-white px-1.5 py-1 text-sm"
        data-testid="language-switcher"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAME[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
