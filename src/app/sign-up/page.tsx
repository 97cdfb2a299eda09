import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { AuthCard } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentSession()) redirect("/profile");
  return (
    <AuthCard title="Create your Scoop account">
      <SignUpForm />
    </AuthCard>
  );
}
