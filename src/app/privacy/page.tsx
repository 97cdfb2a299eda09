import type { Metadata } from "next";
import { AuthCard } from "@/components/ui/form";
import { TERMS_VERSION } from "@/lib/legal";

export const metadata: Metadata = { title: "Privacy policy" };

export default function PrivacyPage() {
  return (
    <AuthCard title="Privacy policy">
      <div className="space-y-3 text-sm leading-6 text-slate-700">
        <p>Version {TERMS_VERSION}.</p>
        <p>We keep what the service needs: your name and email, the jobs you post or claim (address, pin, notes, photos), messages and notifications we send you, and the money lines of your jobs.</p>
        <p>Before a job is claimed, the public board shows only its street and an approximate pin; the house number, exact pin and access notes go only to the scooper who claims it. Photos are stripped of location data.</p>
        <p>You can download everything we hold about you as JSON from your profile, and delete your account there: your personal details are erased or anonymised, your open jobs are cancelled and every session ends. Payment and dispute records are kept, without your name and email, for as long as the law requires.</p>
        <p>We do not sell personal data. Email goes through our mail provider and payments through Stripe, each only with what it needs.</p>
      </div>
    </AuthCard>
  );
}
