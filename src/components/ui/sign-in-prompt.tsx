import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Shown instead of a page that needs an account. `returnTo` is where the visitor was going: sign-in sends them
 * back there (the sign-in page passes it through the one redirect check, src/lib/safe-redirect.ts).
 */
export function SignInPrompt({ what, returnTo }: { what: string; returnTo: string }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-bold">{t("signInPrompt.title", { what })}</h1>
      <p className="text-slate-700">{t("signInPrompt.comeBack")}</p>
      <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">
        {t("signInPrompt.signIn")}
      </Link>
      <Link href="/sign-up" className="text-sm font-medium text-brand-700 underline">
        {t("signInPrompt.create")}
      </Link>
    </main>
  );
}
