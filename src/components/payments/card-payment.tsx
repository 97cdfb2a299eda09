"use client";
/**
 * The card form for a payment that needs the customer (Stripe mode only): a posted job's authorization, or the
 * first invoice of a recurring cleanup. Stripe's Payment Element collects the card (and runs 3-D Secure); the
 * card never touches our servers. Stripe.js is loaded only when this form is shown (`/pure`), never on other
 * pages. After Stripe confirms, `onPaid` tells the server, which checks with Stripe before anything opens.
 */
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useTranslations } from "next-intl";
import { useState } from "react";

const loaders = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let loader = loaders.get(publishableKey);
  if (!loader) {
    loader = loadStripe(publishableKey);
    loaders.set(publishableKey, loader);
  }
  return loader;
}

export type CardPaymentProps = {
  clientSecret: string;
  publishableKey: string | null;
  submitLabel: string;
  /** Where Stripe sends the browser back after a payment method that redirects (a bank page). */
  returnPath: string;
  onPaid: () => Promise<unknown>;
};

export function CardPayment({ clientSecret, publishableKey, ...form }: CardPaymentProps) {
  const t = useTranslations("payments");
  if (!publishableKey) {
    return <p className="text-sm text-red-700" role="alert">{t("card.notSetUp")}</p>;
  }
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <CardForm {...form} />
    </Elements>
  );
}

function CardForm({ submitLabel, returnPath, onPaid }: Omit<CardPaymentProps, "clientSecret" | "publishableKey">) {
  const t = useTranslations("payments");
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      data-testid="card-payment"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!stripe || !elements) return;
        setBusy(true);
        setError(null);
        try {
          const result = await stripe.confirmPayment({
            elements, redirect: "if_required", confirmParams: { return_url: new URL(returnPath, window.location.origin).toString() },
          });
          if (result.error) setError(result.error.message ?? t("card.failed"));
          else await onPaid();
        } catch (err) {
          setError(err instanceof Error ? err.message : t("card.failed"));
        } finally {
          setBusy(false);
        }
      }}
    >
      <PaymentElement />
      {error && <p className="text-sm text-red-700" role="alert">{error}</p>}
      <button disabled={!stripe || busy} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {busy ? t("card.paying") : submitLabel}
      </button>
    </form>
  );
}
