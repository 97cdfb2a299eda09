import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { AuthCard } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("signUp.metaTitle") };
}

export default async function SignUpPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentSession()) redirect("/profile");
  const as = (await props.searchParams).as;
  const t = await getTranslations("accounts");
  return (
    <AuthCard title={t("signUp.title")}>
      <SignUpForm initialRoles={as === "scooper" ? ["SCOOPER"] : ["CUSTOMER"]} />
    </AuthCard>
  );
}
