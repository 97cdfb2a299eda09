"use client";
import { formatDateTime } from "@/lib/format-date";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/locales";
import { EnumSelect } from "./enum-select";
import { api } from "@/trpc/react";

type EmailStatus = "QUEUED" | "SENT" | "FAILED";
const EMAIL_STATUSES = ["QUEUED", "SENT", "FAILED"] as const;

export function EmailsAdmin() {
  const t = useTranslations("admin.emails");
  const tAdmin = useTranslations("admin");
  const locale = useLocale() as Locale;
  const [status, setStatus] = useState<EmailStatus | "">("");
  const utils = api.useUtils();
  const emails = api.adminEmails.list.useQuery({ status: status || null });
  const retry = api.adminEmails.retry.useMutation({ onSuccess: () => utils.adminEmails.list.invalidate() });
  return (
    <div className="space-y-4">
      <EnumSelect
        label={t("statusFilter")}
        anyLabel={t("anyStatus")}
        options={EMAIL_STATUSES.map((s) => [s, t(`filter.${s}`)] as const)}
        value={status}
        onChange={setStatus}
      />
      {(emails.error ?? retry.error) && <Notice tone="error">{formError((emails.error ?? retry.error)!)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">{t("when")}</th><th>{t("kind")}</th><th>{t("to")}</th><th>{t("subject")}</th><th>{t("status")}</th><th>{t("attempts")}</th><th>{t("lastError")}</th><th /></tr>
          </thead>
          <tbody>
            {emails.data?.map((m) => (
              <tr key={m.id} className="border-t align-top" data-testid="admin-email-row" data-email-id={m.id}>
                <td data-label={t("when")} className="whitespace-nowrap py-2">{formatDateTime(m.sentAt ?? m.createdAt, { locale })}</td>
                <td data-label={t("kind")} className="font-mono text-xs">{m.kind}</td>
                <td data-label={t("to")}>{m.toAddress}</td>
                <td data-label={t("subject")}>{m.subject}</td>
                <td data-label={t("status")} data-testid="admin-email-status">{t(`statusWord.${m.status}`)}</td>
                <td data-label={t("attempts")}>{m.attempts}</td>
                <td data-label={t("lastError")} className="max-w-xs break-words text-xs text-red-700">{m.lastError}</td>
                <td>
                  {m.status === "FAILED" && (
                    <button className="rounded border px-2 py-1" disabled={retry.isPending} onClick={() => retry.mutate({ id: m.id })}>{tAdmin("retry")}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {emails.data?.length === 0 && <p className="py-4 text-sm text-slate-600">{t("empty")}</p>}
      </div>
    </div>
  );
}
