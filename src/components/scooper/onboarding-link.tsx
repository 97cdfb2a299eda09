import Link from "next/link";

/** Shown to a scooper whose claims are still refused: where to finish onboarding (instead of a bare error). */
export function OnboardingLink({ message }: { message?: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="onboarding-link">
      <p>{message ?? "Finish your scooper profile before claiming jobs."}</p>
      <Link href="/scooper/onboarding" className="font-semibold underline">Go to your onboarding steps</Link>
    </div>
  );
}
