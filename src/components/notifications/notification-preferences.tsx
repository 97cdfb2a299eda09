"use client";
/** Profile section: email / push on or off per kind. Receipts and account emails are not listed: they always go. */
import { api } from "@/trpc/react";
import { PushOptIn } from "./push-opt-in";

export function NotificationPreferences() {
  const utils = api.useUtils();
  const prefs = api.notifications.preferences.useQuery();
  const set = api.notifications.setPreference.useMutation({ onSuccess: () => utils.notifications.preferences.invalidate() });

  return (
    <section className="space-y-3" data-testid="notification-preferences">
      <h2 className="text-lg font-semibold">Notifications</h2>
      <p className="text-sm text-slate-600">Receipts, password resets and sign-in links are always sent.</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 font-medium">What</th>
            <th className="w-16 py-1 text-center font-medium">Email</th>
            <th className="w-16 py-1 text-center font-medium">Push</th>
          </tr>
        </thead>
        <tbody>
          {prefs.data?.map((p) => (
            <tr key={p.kind} className="border-t">
              <td className="py-2">{p.label}</td>
              {(["email", "push"] as const).map((channel) => (
                <td key={channel} className="py-2 text-center">
                  {p[channel] === null ? (
                    <span className="text-slate-300">—</span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={`${p.label}: ${channel}`}
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
