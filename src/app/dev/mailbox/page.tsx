import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { devMailboxEnabled } from "@/server/email/transport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dev"))("mailbox.title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

/**
 * Every email the app sent while no RESEND_API_KEY is set, newest first. Development and test builds only
 * (404 in production unless DEV_MAILBOX_ENABLED=1 for an e2e run).
 */
export default async function DevMailboxPage(props: { searchParams: Promise<{ to?: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await props.searchParams;
  const t = await getTranslations("dev.mailbox");
  const messages = await db.emailMessage.findMany({
    where: to ? { toAddress: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, toAddress: true, subject: true, html: true, text: true, status: true, createdAt: true, kind: true },
  });
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {messages.length === 0 && <p>{to ? t("emptyTo", { to }) : t("empty")}</p>}
      {messages.map((m) => (
        <article key={m.id} className="rounded-lg border p-4" data-testid="mailbox-message" data-to={m.toAddress} data-kind={m.kind}>
          <header className="mb-2 text-sm text-slate-600">
            <div>
              {t.rich("to", { address: m.toAddress, when: m.createdAt.toISOString(), status: m.status, b: (chunks) => <strong>{chunks}</strong> })}
            </div>
            <div className="text-base font-semibold text-slate-900">{m.subject}</div>
          </header>
          {/* The HTML is our own template output, rendered as sent. */}
          <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: m.html }} />
          <details className="mt-2 text-xs">
            <summary>{t("plainText")}</summary>
            <pre className="whitespace-pre-wrap">{m.text}</pre>
          </details>
        </article>
      ))}
    </main>
  );
}
