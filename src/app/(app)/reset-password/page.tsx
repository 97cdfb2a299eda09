import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { AuthCard, Notice } from "@/components/ui/form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("reset.title") };
}

export default async function ResetPasswordPage(props: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await props.searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  const t = await getTranslations("accounts");
  return (
    <AuthCard title={t("reset.title")}>
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <Notice tone="error">
          {t.rich("reset.needsLink", { link: (c) => <Link href="/forgot-password" className="underline">{c}</Link> })}
        </Notice>
      )}
    </AuthCard>
  );
}
