"use client";
/**
 * Browser push opt-in for this device: registers /sw.js (the one service worker, src/app/sw.ts), subscribes with the server's VAPID key and stores the
 * subscription. Hidden when the server has no VAPID keys or the browser has no Push API.
 */
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { api } from "@/trpc/react";

type State = "unsupported" | "checking" | "off" | "on" | "denied" | "working";

function keyToBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function PushOptIn({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("notifications-ui");
  const config = api.notifications.pushConfig.useQuery(undefined, { staleTime: Infinity });
  const subscribe = api.notifications.subscribePush.useMutation();
  const unsubscribe = api.notifications.unsubscribePush.useMutation();
  const [state, setState] = useState<State>("checking");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Reads the browser's current push state once (an external system), then reports it.
    void (async (): Promise<State> => {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
      if (Notification.permission === "denied") return "denied";
      const reg = await navigator.serviceWorker.getRegistration("/sw.js");
      return (await reg?.pushManager.getSubscription()) ? "on" : "off";
    })().then(setState);
  }, []);

  const publicKey = config.data?.publicKey;
  if (!publicKey || state === "unsupported" || state === "checking") return null;

  async function enable() {
    setError(null);
    setState("working");
    try {
      const reg = await navigator.serviceWorker.register("/sw.js");
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyToBytes(publicKey!) });
      const json = sub.toJSON();
      await subscribe.mutateAsync({ endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } });
      setState("on");
    } catch {
      setError(t("push.couldNotEnable"));
      setState("off");
    }
  }

  async function disable() {
    setState("working");
    const reg = await navigator.serviceWorker.getRegistration("/sw.js");
    const sub = await reg?.pushManager.getSubscription();
    if (sub) {
      await unsubscribe.mutateAsync({ endpoint: sub.endpoint }).catch(() => undefined);
      await sub.unsubscribe();
    }
    setState("off");
  }

  const button = "rounded-lg border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 disabled:opacity-50";
  return (
    <div className={compact ? "text-xs" : "space-y-1 text-sm"} data-testid="push-opt-in">
      {state === "denied" && <p className="text-slate-600">{t("push.blocked")}</p>}
      {state === "off" && (
        <button type="button" className={button} onClick={() => void enable()}>
          {t("push.enable")}
        </button>
      )}
      {(state === "on" || state === "working") && (
        <button type="button" className={button} disabled={state === "working"} onClick={() => void disable()}>
          {t("push.disable")}
        </button>
      )}
      {error && <p className="text-red-700">{error}</p>}
    </div>
  );
}
