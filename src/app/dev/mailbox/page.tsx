import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { devMailboxEnabled } from "@/server/email/transport";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * Every email the app sent while no RESEND_API_KEY is set, newest first. Development and test builds only
 * (404 in production unless DEV_MAILBOX_ENABLED=1 for an e2e run).
 */
export default async function DevMailboxPage(props: { searchParams: Promise<{ to?: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await props.searchParams;
  const messages = await db.emailMessage.findMany({
    where: to ? { toAddress: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, toAddress: true, subject: true, html: true, text: true, status: true, createdAt: true, kind: true },
  });
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">Dev mailbox</h1>
      <p className="text-sm text-slate-600">Emails are stored here instead of being sent, because no RESEND_API_KEY is set.</p>
      {messages.length === 0 && <p>No messages{to ? ` to ${to}` : ""}.</p>}
      {messages.map((m) => (
        <article key={m.id} className="rounded-lg border p-4" data-testid="mailbox-message" data-to={m.toAddress} data-kind={m.kind}>
          <header className="mb-2 text-sm text-slate-600">
            <div>
              To <strong>{m.toAddress}</strong> · {m.createdAt.toISOString()} · {m.status.toLowerCase()}
            </div>
            <div className="text-base font-semibold text-slate-900">{m.subject}</div>
          </header>
          {/* The HTML is our own template output, rendered as sent. */}
          <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: m.html }} />
          <details className="mt-2 text-xs">
            <summary>Plain text</summary>
            <pre className="whitespace-pre-wrap">{m.text}</pre>
          </details>
        </article>
      ))}
    </main>
  );
}
