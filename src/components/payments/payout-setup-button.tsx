"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Notice } from "@/components/ui/form";

/** Opens Stripe's payout onboarding (or says payouts are ready, with the built-in ledger). */
export function PayoutSetupButton() {
  const t = useTranslations("payments");
  const [ready, setReady] = useState(false);
  const link = api.payments.payoutOnboardingLink.useMutation({
    onSuccess: (result) => {
      if (result.status === "onboarding") window.location.assign(result.url);
      else setReady(true);
    },
  });
  if (ready) return <Notice tone="success">{t("payout.ready")}</Notice>;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => link.mutate()}
        disabled={link.isPending}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        {link.isPending ? t("payout.opening") : t("payout.setUp")}
      </button>
      {link.error && <Notice tone="error">{link.error.message}</Notice>}
    </div>
  );
}
