import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="flex items-center justify-between gap-3 border-b px-4 py-3">
      <Link href="/" className="text-lg font-bold text-brand-700">
        Scoop
      </Link>
      <nav className="flex gap-3 text-sm text-slate-700">
        <Link href="/board">Find jobs</Link>
        <Link href="/jobs/new">Post a job</Link>
        <Link href="/my-jobs">My jobs</Link>
      </nav>
    </header>
  );
}
