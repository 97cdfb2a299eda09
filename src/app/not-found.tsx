import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/ui/dead-end";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("notFound.metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("pages");
  return (
    <DeadEnd code="404" title={t("notFound.title")} links={{ home: t("deadEnd.home"), board: t("deadEnd.board") }}>
      <p>{t("notFound.body")}</p>
    </DeadEnd>
  );
}
