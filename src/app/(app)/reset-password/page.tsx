import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { AuthCard, Notice } from "@/components/ui/form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage(props: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await props.searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <AuthCard title="Choose a new password">
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <Notice tone="error">
          This page needs the link from your email. <Link href="/forgot-password" className="underline">Ask for a new link</Link>.
        </Notice>
      )}
    </AuthCard>
  );
}
