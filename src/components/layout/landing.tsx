import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The keys of the three steps and the three trust points in the `landing` catalogue. */
const STEPS = ["post", "claim", "pay"] as const;
const TRUST = ["photos", "held", "cancel"] as const;

function Card(props: { title: string; children: ReactNode; n?: number }) {
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4">
      {props.n !== undefined && (
        <span className="mb-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white" aria-hidden>
          {props.n}
        </span>
      )}
      <h3 className="font-semibold">{props.title}</h3>
      <p className="mt-1 text-sm text-slate-700">{props.children}</p>
    </li>
  );
}

/**
 * The first screen for a visitor who is not signed in: what Scoop does for customers and for scoopers, how it
 * works in three steps, why it is safe to pay, and the live map right below (the "See open jobs" link jumps to it).
 */
export function Landing({ map }: { map: ReactNode }) {
  const t = useTranslations("landing");
  return (
    <main className="flex flex-1 flex-col">
      <section className="bg-brand-50 px-4 py-10 sm:py-16">
        <div className="mx-auto max-w-3xl text-center">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("headline")}</h1>
          <p className="mx-auto mt-3 max-w-xl text-lg text-slate-700">
            {t("lead")}
          </p>
          <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
            <Link href="/sign-up" className="rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-600">
              {t("book")}
            </Link>
            <Link href="/sign-up?as=scooper" className="rounded-lg border border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-700 hover:bg-brand-50">
              {t("earn")}
            </Link>
          </div>
          <p className="mt-4 text-sm">
            <a href="#live-map" className="font-medium text-brand-700 underline">
              {t("seeMap")}
            </a>
          </p>
        </div>
      </section>

      <section aria-labelledby="how-it-works" className="px-4 py-10">
        <div className="mx-auto max-w-5xl">
          <h2 id="how-it-works" className="text-2xl font-bold">{t("howItWorks")}</h2>
          <ol className="mt-4 grid gap-3 sm:grid-cols-3">
            {STEPS.map((s, i) => (
              <Card key={s} title={t(`steps.${s}.title`)} n={i + 1}>
                {t(`steps.${s}.body`)}
              </Card>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="trust" className="bg-slate-50 px-4 py-10">
        <div className="mx-auto max-w-5xl">
          <h2 id="trust" className="text-2xl font-bold">{t("whySafe")}</h2>
          <ul className="mt-4 grid gap-3 sm:grid-cols-3">
            {TRUST.map((k) => (
              <Card key={k} title={t(`trust.${k}.title`)}>
                {t(`trust.${k}.body`)}
              </Card>
            ))}
          </ul>
          <p className="mt-6 text-sm text-slate-700">
            {t.rich("forScoopers", { b: (c) => <b>{c}</b> })}{" "}
            <Link href="/sign-up?as=scooper" className="font-medium text-brand-700 underline">
              {t("startEarning")}
            </Link>
          </p>
        </div>
      </section>

      <section id="live-map" aria-labelledby="live-map-heading" className="flex flex-col px-4 pb-6 pt-10">
        <div className="mx-auto w-full max-w-5xl">
          <h2 id="live-map-heading" className="text-2xl font-bold">{t("openNow")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("pinsExplain")}</p>
        </div>
        <div className="mx-auto mt-4 h-[70vh] w-full max-w-5xl overflow-hidden rounded-xl border">{map}</div>
      </section>
    </main>
  );
}
