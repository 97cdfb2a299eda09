"use client";
import { useRouter } from "next/navigation";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import { api } from "@/trpc/react";

export function RepostButton({ jobId }: { jobId: string }) {
  const router = useRouter();
  const repost = api.jobs.repost.useMutation({ onSuccess: ({ id }) => router.push(`/jobs/${id}`) });
  return (
    <div className="space-y-3">
      {repost.error && <Notice tone="error">{formError(repost.error)}</Notice>}
      <button
        type="button"
        disabled={repost.isPending || repost.isSuccess}
        onClick={() => repost.mutate({ jobId })}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow disabled:opacity-60"
      >
        {repost.isPending ? "Posting…" : "Post it again"}
      </button>
    </div>
  );
}
