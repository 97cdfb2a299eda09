"use client";
/** Profile section: email / push on or off per kind. Receipts and account emails are not listed: they always go. */
import { useTranslations } from "next-intl";
import { api } from "@/trpc/react";
import { PushOptIn } from "./push-opt-in";

export function NotificationPreferences() {
  const t = useTranslations("notifications-ui");
  // The kinds' words are the catalogue's (prefs.kind.job.claimed…): every kind has them (notification-kinds.test.ts).
  const labelOf = (p: { kind: string }) => t(`prefs.kind.${p.kind}` as "prefs.kind.job.claimed");
  const utils = api.useUtils();
  const prefs = api.notifications.preferences.useQuery();
  const set = api.notifications.setPreference.useMutation({ onSuccess: () => utils.notifications.preferences.invalidate() });

  return (
    <section className="space-y-3" data-testid="notification-preferences">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("prefs.intro")}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 font-medium">{t("prefs.what")}</th>
            <th className="w-16 py-1 text-center font-medium">{t("prefs.email")}</th>
            <th className="w-16 py-1 text-center font-medium">{t("prefs.push")}</th>
          </tr>
        </thead>
        <tbody>
          {prefs.data?.map((p) => (
            <tr key={p.kind} className="border-t">
              <td className="py-2">{labelOf(p)}</td>
              {(["email", "push"] as const).map((channel) => (
                <td key={channel} className="py-2 text-center">
                  {p[channel] === null ? (
                    <span className="text-slate-300">—</span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={t("prefs.channelLabel", { label: labelOf(p), channel })}
                      checked={p[channel]}
                      disabled={set.isPending}
                      onChange={(e) => set.mutate({ kind: p.kind, [channel]: e.target.checked })}
                      className="h-4 w-4 accent-brand-600"
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <PushOptIn />
    </section>
  );
}
