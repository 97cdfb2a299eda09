"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { useDeferredValue, useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice, TextInput } from "@/components/ui/form";
import { api } from "@/trpc/react";

/** The audit log, newest first, filtered by action, acting admin and target as the admin types. */
export function AuditAdmin() {
  const t = useTranslations("admin.audit");
  const locale = useLocale() as Locale;
  const [action, setAction] = useState("");
  const [actorEmail, setActorEmail] = useState("");
  const [targetId, setTargetId] = useState("");
  const filters = useDeferredValue({ action: action || undefined, actorEmail: actorEmail || undefined, targetId: targetId.trim() || undefined });
  const rows = api.adminOps.audit.useQuery(filters, { placeholderData: (previous) => previous });
  return (
    <div className="space-y-4">
      <div className="grid gap-2 md:grid-cols-3">
        <TextInput aria-label={t("actionLabel")} placeholder={t("actionPlaceholder")} value={action} onChange={(e) => setAction(e.target.value)} />
        <TextInput aria-label={t("actorLabel")} placeholder={t("actorPlaceholder")} value={actorEmail} onChange={(e) => setActorEmail(e.target.value)} />
        <TextInput aria-label={t("targetLabel")} placeholder={t("targetPlaceholder")} value={targetId} onChange={(e) => setTargetId(e.target.value)} />
      </div>
      {rows.error && <Notice tone="error">{formError(rows.error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">{t("when")}</th><th>{t("who")}</th><th>{t("action")}</th><th>{t("target")}</th><th>{t("reason")}</th><th>{t("change")}</th></tr>
          </thead>
          <tbody>
            {rows.data?.map((r) => (
              <tr key={r.id} className="border-t align-top" data-testid="audit-row">
                <td data-label={t("when")} className="py-2 whitespace-nowrap">{formatDateTime(r.createdAt, { locale })}</td>
                <td data-label={t("who")}>{r.actorEmail ?? t("commandLine")}</td>
                <td data-label={t("action")} className="font-mono text-xs">{r.action}</td>
                <td data-label={t("target")} className="font-mono text-xs">{r.targetType}:{r.targetId}</td>
                <td data-label={t("reason")}>{r.reason}</td>
                <td data-label={t("change")}>
                  <details>
                    <summary className="cursor-pointer text-xs">{t("beforeAfter")}</summary>
                    <pre className="text-xs">{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.data?.length === 0 && <p className="py-4 text-sm text-slate-600">{t("empty")}</p>}
      </div>
    </div>
  );
}
