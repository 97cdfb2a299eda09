import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/ui/form";
import { TERMS_VERSION } from "@/lib/legal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("privacy.title") };
}

export default async function PrivacyPage() {
  const t = await getTranslations("pages");
  return (
    <AuthCard title={t("privacy.title")}>
      <div className="space-y-3 text-sm leading-6 text-slate-700">
        <p>{t("version", { version: TERMS_VERSION })}</p>
        <p>{t("privacy.keep")}</p>
        <p>{t("privacy.board")}</p>
        <p>{t("privacy.yourData")}</p>
        <p>{t("privacy.selling")}</p>
      </div>
    </AuthCard>
  );
}
