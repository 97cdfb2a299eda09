import Link from "next/link";

export function SignInPrompt({ what }: { what: string }) {
  return (
    <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-slate-700">Please sign in to {what}.</p>
      <Link href="/sign-in" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
        Please sign in
      </Link>
    </main>
  );
}
