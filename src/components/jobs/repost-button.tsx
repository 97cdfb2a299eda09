"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import { api } from "@/trpc/react";

/** Posts an ended job again and opens the new one. `compact`: a small button inside a list row (/my-jobs). */
export function RepostButton({ jobId, compact = false }: { jobId: string; compact?: boolean }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const repost = api.jobs.repost.useMutation({ onSuccess: ({ id }) => router.push(`/jobs/${id}`) });
  return (
    <div className={compact ? "mt-1 space-y-1" : "space-y-3"}>
      {repost.error && <Notice tone="error">{formError(repost.error)}</Notice>}
      <button
        type="button"
        disabled={repost.isPending || repost.isSuccess}
        onClick={() => repost.mutate({ jobId })}
        className={
          compact
            ? "rounded-lg border border-brand-600 px-3 py-1 text-sm font-semibold text-brand-700 disabled:opacity-60"
            : "w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow disabled:opacity-60"
        }
      >
        {repost.isPending ? t("repostPage.posting") : t("repostPage.button")}
      </button>
    </div>
  );
}
