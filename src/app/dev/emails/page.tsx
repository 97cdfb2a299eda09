import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { EMAIL_TEMPLATES } from "@/server/email/templates/catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dev"))("emails.title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

/** Index of the email previews (development, or a production build with DEV_MAILBOX_ENABLED=1). */
export default async function EmailPreviewsPage() {
  if (env.NODE_ENV === "production" && env.DEV_MAILBOX_ENABLED !== "1") notFound();
  const t = await getTranslations("dev.emails");
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ul className="list-disc space-y-1 pl-6">
        {Object.keys(EMAIL_TEMPLATES).map((name) => (
          <li key={name}>
            <a className="text-brand-700 underline" href={`/dev/emails/${name}`}>
              {name}
            </a>{" "}
            (<a className="text-slate-600 underline" href={`/dev/emails/${name}?format=text`}>{t("text")}</a>)
          </li>
        ))}
      </ul>
    </main>
  );
}
