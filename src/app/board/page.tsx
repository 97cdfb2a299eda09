import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Board } from "@/components/jobs/board";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

export default function BoardPage() {
  const t = useTranslations("board");
  return (
    <main className="flex flex-1 flex-col">
      {/* The map fills the page; the heading is for screen readers and the navigation test. */}
      <h1 className="sr-only">{t("title")}</h1>
      <Board />
    </main>
  );
}
