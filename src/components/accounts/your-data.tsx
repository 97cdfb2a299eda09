"use client";
import { useTranslations } from "next-intl";
import { signOutAndForget } from "./sign-out";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Field, Notice, TextInput } from "@/components/ui/form";
import { formError } from "./errors";

/** Download everything Scoop holds about you, or delete the account (typing the email to confirm). */
export function YourData() {
  const t = useTranslations("accounts");
  const [confirmEmail, setConfirmEmail] = useState("");
  const remove = api.accounts.deleteAccount.useMutation({ onSuccess: () => void signOutAndForget("/") });
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{t("yourData.title")}</h2>
      <a href="/api/account/export" download className="inline-block rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium">
        {t("yourData.download")}
      </a>
      <p className="text-sm text-slate-600">{t("yourData.deleteWarning")}</p>
      {remove.error && <Notice tone="error">{formError(remove.error)}</Notice>}
      <Field label={t("yourData.confirmEmail")} htmlFor="confirmEmail">
        <TextInput id="confirmEmail" value={confirmEmail} onChange={(e) => setConfirmEmail(e.target.value)} autoComplete="off" />
      </Field>
      <button
        type="button"
        disabled={remove.isPending || !confirmEmail}
        onClick={() => remove.mutate({ confirmEmail })}
        className="rounded-lg border border-red-300 px-4 py-2 text-sm font-medium text-red-700"
      >
        {t("yourData.delete")}
      </button>
    </section>
  );
}
