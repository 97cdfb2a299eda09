import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { AuthCard } from "@/components/ui/form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <p className="text-sm text-slate-600">Enter your email and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
