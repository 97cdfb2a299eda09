"use client";
import { useTranslations } from "next-intl";
import { signOutAndForget } from "./sign-out";

export function SignOutButton() {
  const t = useTranslations("header");
  return (
    <button type="button" onClick={() => void signOutAndForget("/")} className="text-slate-600 underline-offset-2 hover:underline">
      {t("signOut")}
    </button>
  );
}
