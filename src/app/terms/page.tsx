import type { Metadata } from "next";
import { AuthCard } from "@/components/ui/form";
import { TERMS_VERSION } from "@/lib/legal";

export const metadata: Metadata = { title: "Terms of service" };

export default function TermsPage() {
  return (
    <AuthCard title="Terms of service">
      <div className="space-y-3 text-sm leading-6 text-slate-700">
        <p data-testid="terms-version">Version {TERMS_VERSION}.</p>
        <p>Scoop connects people who want their yard cleaned of dog waste (customers) with people who do it (scoopers). Scoop is not a party to the cleanup itself.</p>
        <p>Customers describe the job truthfully, give safe access to the yard at the posted times and pay the posted price, which is held when the job is posted and paid to the scooper when the work is confirmed (or automatically after 24 hours). Cancelling after a claim costs a cancellation fee paid to the scooper.</p>
        <p>Scoopers do the job as described, upload the required photos and keep the access notes to themselves. Repeated no-shows lead to suspension.</p>
        <p>Disputes are decided by Scoop&rsquo;s admins from the photos and both parties&rsquo; accounts. Abuse, fraud or harassment ends the account.</p>
        <p>You may delete your account at any time from your profile; records the law requires (payments, disputes) are kept without your personal details.</p>
      </div>
    </AuthCard>
  );
}
