import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/ui/form";
import { env } from "@/env";
import { durationWords } from "@/lib/duration-words";
import { TERMS_VERSION } from "@/lib/legal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("terms.title") };
}

export default async function TermsPage() {
  const [t, tp] = await Promise.all([getTranslations("pages"), getTranslations("post")]);
  // The confirmation window is a setting (AUTO_CONFIRM_SECONDS): the terms say the one in force.
  const after = durationWords(tp, env.AUTO_CONFIRM_SECONDS);
  return (
    <AuthCard title={t("terms.title")}>
      <div className="space-y-3 text-sm leading-6 text-slate-700">
        <p data-testid="terms-version">{t("version", { version: TERMS_VERSION })}</p>
        <p>{t("terms.what")}</p>
        <p>{t("terms.customers", { after })}</p>
        <p>{t("terms.scoopers")}</p>
        <p>{t("terms.disputes")}</p>
        <p>{t("terms.deletion")}</p>
      </div>
    </AuthCard>
  );
}
