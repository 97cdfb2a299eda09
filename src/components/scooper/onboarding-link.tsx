import Link from "next/link";
import { useTranslations } from "next-intl";

/** Shown to a scooper whose claims are still refused: where to finish onboarding (instead of a bare error). */
export function OnboardingLink({ message }: { message?: string }) {
  const t = useTranslations("onboarding");
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="onboarding-link">
      <p>{message ?? t("link.message")}</p>
      <Link href="/scooper/onboarding" className="font-semibold underline">{t("link.go")}</Link>
    </div>
  );
}
