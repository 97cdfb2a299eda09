import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { PostJobForm } from "@/components/jobs/post-job-form";
import { SignInPrompt } from "@/components/ui/sign-in-prompt";
import { env } from "@/env";
import { currentFeeRates } from "@/server/payments/fees";
import { serverApi } from "@/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("post"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function PostJobPage() {
  const t = await getTranslations("post");
  try {
    // Asks the server who is signed in (and that they may post) the same way every procedure does.
    await (await serverApi()).jobs.mine({ as: "posted", limit: 1 });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return <SignInPrompt what={t("signInWhat")} returnTo="/jobs/new" />;
    throw err;
  }
  return (
    <main className="flex flex-1 flex-col">
      <div className="mx-auto w-full max-w-xl p-4">
        <h1 className="mb-4 text-xl font-bold">{t("title")}</h1>
        <PostJobForm
          terms={{
            ...currentFeeRates(),
            expirySeconds: env.JOB_EXPIRY_SECONDS,
            autoConfirmSeconds: env.AUTO_CONFIRM_SECONDS,
          }}
        />
      </div>
    </main>
  );
}
