/** Small form primitives shared by every page; mobile-first (large touch targets). */
import type { InputHTMLAttributes, ReactNode } from "react";

export function Field(props: { label: string; htmlFor: string; error?: string[] | string; hint?: string; children: ReactNode }) {
  const errors = Array.isArray(props.error) ? props.error : props.error ? [props.error] : [];
  return (
    <div className="space-y-1">
      <label htmlFor={props.htmlFor} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.children}
      {props.hint && <p className="text-xs text-slate-500">{props.hint}</p>}
      {errors.map((e) => (
        <p key={e} className="text-sm text-red-700" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      {...props}
      className={`block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 ${props.className ?? ""}`}
    />
  );
}

/** `pendingLabel` replaces the label while the form is sent (the caller's words: this file translates nothing). */
export function SubmitButton(props: { pending?: boolean; pendingLabel: string; children: ReactNode; className?: string }) {
  return (
    <button
      type="submit"
      disabled={props.pending}
      className={`w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow hover:bg-brand-700 disabled:opacity-60 ${props.className ?? ""}`}
    >
      {props.pending ? props.pendingLabel : props.children}
    </button>
  );
}

export function Notice(props: { tone: "error" | "success" | "info"; children: ReactNode }) {
  const tone = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-200 bg-green-50 text-green-800",
    info: "border-slate-200 bg-slate-50 text-slate-700",
  }[props.tone];
  return (
    <div className={`rounded-lg border px-3 py-2 text-sm ${tone}`} role={props.tone === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}

export function AuthCard(props: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-md flex-1 px-4 py-8">
      <h1 className="mb-6 text-2xl font-bold">{props.title}</h1>
      <div className="space-y-4">{props.children}</div>
    </main>
  );
}
