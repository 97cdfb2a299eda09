import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { AuthCard } from "@/components/ui/form";
import { env } from "@/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("forgot.metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("accounts");
  return (
    <AuthCard title={t("forgot.title")}>
      <p className="text-sm text-slate-600">{t("forgot.intro")}</p>
      <ForgotPasswordForm ttlMinutes={env.PASSWORD_RESET_TTL_MINUTES} />
    </AuthCard>
  );
}
