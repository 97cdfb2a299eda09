import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/ui/dead-end";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("forbidden.metaTitle") };
}

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return (
    <DeadEnd code="403" title={t("forbidden.title")} links={{ home: t("deadEnd.home"), board: t("deadEnd.board") }}>
      <p>{t("forbidden.body")}</p>
    </DeadEnd>
  );
}
