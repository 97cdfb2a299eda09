"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice, TextInput } from "@/components/ui/form";
import { formatDate } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { api } from "@/trpc/react";

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

/** Each action's dialog words are in the `admin` catalogue: `users.action.<action>.title`, `.confirm`, `.what`. */
type Action = "suspend" | "ban" | "reinstate" | "grantAdmin" | "revokeAdmin" | "grantScooper" | "grantCustomer";


export function UsersAdmin() {
  const t = useTranslations("admin.users");
  const locale = useLocale() as Locale;
  const [query, setQuery] = useState("");
  const users = api.adminUsers.search.useQuery({ query });
  const utils = api.useUtils();
  const done = () => void utils.adminUsers.search.invalidate();
  const suspend = api.adminUsers.suspend.useMutation({ onSuccess: done });
  const ban = api.adminUsers.ban.useMutation({ onSuccess: done });
  const reinstate = api.adminUsers.reinstate.useMutation({ onSuccess: done });
  const grant = api.adminUsers.grantRole.useMutation({ onSuccess: done });
  const revoke = api.adminUsers.revokeRole.useMutation({ onSuccess: done });
  const error = suspend.error ?? ban.error ?? reinstate.error ?? grant.error ?? revoke.error;

  // One dialog for every row's actions (it replaced window.prompt): the reason is required and kept in the audit log.
  const [pending, setPending] = useState<{ userId: string; email: string; action: Action } | null>(null);
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("");
  const ask = (userId: string, email: string, action: Action) => (setPending({ userId, email, action }), setReason(""), setDays(""));

  function act() {
    if (!pending || !reason.trim()) return;
    const { userId, action } = pending;
    const why = reason.trim();
    if (action === "suspend") {
      const n = Number(days || 0);
      suspend.mutate({ userId, reason: why, until: n > 0 ? daysFromNow(n) : null });
    } else if (action === "ban") ban.mutate({ userId, reason: why });
    else if (action === "reinstate") reinstate.mutate({ userId, reason: why });
    else if (action === "grantAdmin") grant.mutate({ userId, role: "ADMIN", reason: why });
    else if (action === "grantScooper") grant.mutate({ userId, role: "SCOOPER", reason: why });
    else if (action === "grantCustomer") grant.mutate({ userId, role: "CUSTOMER", reason: why });
    else revoke.mutate({ userId, role: "ADMIN", reason: why });
    setPending(null);
  }
  const daysValid = /^\d*$/.test(days.trim());

  return (
    <div className="space-y-4">
      <TextInput placeholder={t("searchPlaceholder")} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t("search")} />
      {error && <Notice tone="error">{formError(error)}</Notice>}
      {pending && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setPending(null)}
          title={t(`action.${pending.action}.title`)}
          tone={pending.action === "ban" || pending.action === "suspend" ? "danger" : "default"}
          confirmLabel={t(`action.${pending.action}.confirm`)}
          cancelLabel={t("back")}
          confirmDisabled={!reason.trim() || !daysValid}
          onConfirm={act}
          description={<p><b className="break-all">{pending.email}</b>: {t(`action.${pending.action}.what`)}</p>}
        >
          <label className="block text-sm font-medium">
            {t("reasonLabel")}
            <input className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          {pending.action === "suspend" && (
            <label className="block text-sm font-medium">
              {t("daysLabel")}
              <input className="mt-1 block w-24 rounded-lg border px-3 py-2" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!daysValid} />
              {!daysValid && <span className="block text-sm text-red-700" role="alert">{t("daysError")}</span>}
            </label>
          )}
        </ConfirmDialog>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm max-sm:block">
          <thead className="text-xs uppercase text-slate-600 max-sm:hidden">
            <tr>
              <th className="py-2">{t("user")}</th>
              <th>{t("roles")}</th>
              <th>{t("status")}</th>
              <th>{t("actions")}</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {users.data?.map((u) => (
              <tr key={u.id} className="border-t align-top max-sm:block max-sm:space-y-1 max-sm:py-3" data-testid="admin-user-row" data-email={u.email}>
                <td className="py-2 max-sm:block max-sm:py-0">
                  <div className="font-medium">{u.name ?? "—"}</div>
                  <div className="break-all text-slate-600">{u.email}</div>
                </td>
                <td className="max-sm:block">{u.roles.map((r) => t(`role.${r}`)).join(", ")}</td>
                <td className="max-sm:block" data-testid="admin-user-status">
                  {t(`statusWord.${u.status}`)}
                  {u.suspendedUntil && <div className="text-xs text-slate-500">{t("until", { date: formatDate(u.suspendedUntil, { locale }) })}</div>}
                </td>
                <td className="space-x-2 space-y-1 max-sm:block">
                  {u.status === "ACTIVE" ? (
                    <>
                      <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "suspend")}>{t("suspend")}</button>
                      <button className="rounded border border-red-300 px-2 py-1 text-red-700" onClick={() => ask(u.id, u.email, "ban")}>{t("ban")}</button>
                    </>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "reinstate")}>{t("reinstate")}</button>
                  )}
                  {!u.roles.includes("SCOOPER") && <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantScooper")}>{t("addScooper")}</button>}
                  {!u.roles.includes("CUSTOMER") && <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantCustomer")}>{t("addCustomer")}</button>}
                  {u.roles.includes("ADMIN") ? (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "revokeAdmin")}>{t("removeAdmin")}</button>
                  ) : (
                    <button className="rounded border px-2 py-1" onClick={() => ask(u.id, u.email, "grantAdmin")}>{t("addAdmin")}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
