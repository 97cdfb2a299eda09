"use client";
import { useTranslations } from "next-intl";
import { signOutAndForget } from "./sign-out";
import { api } from "@/trpc/react";
import { Notice } from "@/components/ui/form";
import { formError } from "./errors";

/** Ends every session of this account (other browsers and devices included), then this one. */
export function SignOutEverywhere() {
  const t = useTranslations("accounts");
  const everywhere = api.accounts.signOutEverywhere.useMutation({ onSuccess: () => void signOutAndForget("/sign-in?reason=signed-out") });
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t("sessions.title")}</h2>
      <p className="text-sm text-slate-600">{t("sessions.intro")}</p>
      {everywhere.error && <Notice tone="error">{formError(everywhere.error)}</Notice>}
      <button
        type="button"
        disabled={everywhere.isPending}
        onClick={() => everywhere.mutate()}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium"
      >
        {t("sessions.endAll")}
      </button>
    </section>
  );
}
