import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p className="mt-2 text-slate-600">Your account may not open this page.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700">Back to the map</Link>
    </main>
  );
}
