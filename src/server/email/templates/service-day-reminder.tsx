import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; serviceDate: string; priceCents: number; manageUrl: string; unsubscribeUrl: string };

export const serviceDayReminder = defineEmail<Props>({
  subject: (p) => `Reminder: yard cleanup on ${p.serviceDate}`,
  sample: { address: "12 Oak St, Park Slope, Brooklyn", serviceDate: "Tuesday, March 16", priceCents: 2500, manageUrl: "http://localhost:3000/recurring", unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample" },
  Component: (p) => (
    <EmailLayout preview={`Cleanup tomorrow at ${p.address}`} title="Your cleanup is tomorrow" action={{ label: "Manage your subscription", url: p.manageUrl }} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        Your recurring cleanup at {p.address} is on {p.serviceDate} ({formatCents(p.priceCents)}). Please leave the gate open or your access
        notes up to date.
      </P>
    </EmailLayout>
  ),
});
