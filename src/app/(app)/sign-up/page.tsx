import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { AuthCard } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentSession()) redirect("/profile");
  const as = (await props.searchParams).as;
  return (
    <AuthCard title="Create your Scoop account">
      <SignUpForm initialRoles={as === "scooper" ? ["SCOOPER"] : ["CUSTOMER"]} />
    </AuthCard>
  );
}
