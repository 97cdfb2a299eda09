import Link from "next/link";
import type { ReactNode } from "react";

const STEPS = [
  { title: "Post your yard", body: "Drop a pin on your yard, say what needs cleaning and set your price. Your card is held, not charged." },
  { title: "A local scooper claims it", body: "Scoopers nearby see it on the live map; the first to claim it comes by, usually the same day." },
  { title: "Check the photos, then pay", body: "The scooper sends before-and-after photos. You confirm the work and only then is the payment taken." },
];

const TRUST: { title: string; body: string }[] = [
  { title: "Photo proof", body: "Every cleanup ends with after photos you can see before anything is paid." },
  { title: "Payment held until you confirm", body: "Your card is only held when you post. Not happy? Open a dispute instead of confirming." },
  { title: "Free to cancel before a claim", body: "Cancel an open job and the hold is released in full. After a claim, a small fee goes to the scooper." },
];

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
  return (
    <main className="flex flex-1 flex-col">
      <section className="bg-brand-50 px-4 py-10 sm:py-16">
        <div className="mx-auto max-w-3xl text-center">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">A clean yard, without the scooping</h1>
          <p className="mx-auto mt-3 max-w-xl text-lg text-slate-700">
            Post your yard and a local scooper clears the dog waste, with photos to prove it. You pay only when you are happy.
          </p>
          <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
            <Link href="/sign-up" className="rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-600">
              Book a cleanup
            </Link>
            <Link href="/sign-up?as=scooper" className="rounded-lg border border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-700 hover:bg-brand-50">
              Earn as a scooper
            </Link>
          </div>
          <p className="mt-4 text-sm">
            <a href="#live-map" className="font-medium text-brand-700 underline">
              See open jobs on the live map
            </a>
          </p>
        </div>
      </section>

      <section aria-labelledby="how-it-works" className="px-4 py-10">
        <div className="mx-auto max-w-5xl">
          <h2 id="how-it-works" className="text-2xl font-bold">How it works</h2>
          <ol className="mt-4 grid gap-3 sm:grid-cols-3">
            {STEPS.map((s, i) => (
              <Card key={s.title} title={s.title} n={i + 1}>
                {s.body}
              </Card>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="trust" className="bg-slate-50 px-4 py-10">
        <div className="mx-auto max-w-5xl">
          <h2 id="trust" className="text-2xl font-bold">Why it is safe to book</h2>
          <ul className="mt-4 grid gap-3 sm:grid-cols-3">
            {TRUST.map((t) => (
              <Card key={t.title} title={t.title}>
                {t.body}
              </Card>
            ))}
          </ul>
          <p className="mt-6 text-sm text-slate-700">
            <b>For scoopers:</b> see every open job and its take-home pay before you claim it, work when you want, and get paid when the
            customer confirms.{" "}
            <Link href="/sign-up?as=scooper" className="font-medium text-brand-700 underline">
              Start earning
            </Link>
          </p>
        </div>
      </section>

      <section id="live-map" aria-labelledby="live-map-heading" className="flex flex-col px-4 pb-6 pt-10">
        <div className="mx-auto w-full max-w-5xl">
          <h2 id="live-map-heading" className="text-2xl font-bold">Open jobs right now</h2>
          <p className="mt-1 text-sm text-slate-700">Every pin is a yard waiting for a scooper. Prices are what the customer pays.</p>
        </div>
        <div className="mx-auto mt-4 h-[70vh] w-full max-w-5xl overflow-hidden rounded-xl border">{map}</div>
      </section>
    </main>
  );
}
