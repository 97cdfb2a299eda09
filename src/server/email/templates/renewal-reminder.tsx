import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; billingDate: string; amountCents: number; manageUrl: string; unsubscribeUrl: string };

export const renewalReminder = defineEmail<Props>({
  subject: (p) => `Your cleanup subscription renews on ${p.billingDate}`,
  sample: { address: "12 Oak St, Park Slope, Brooklyn", billingDate: "March 19", amountCents: 10000, manageUrl: "http://localhost:3000/recurring", unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample" },
  Component: (p) => (
    <EmailLayout preview={`Renews on ${p.billingDate}`} title="Your subscription renews soon" action={{ label: "Manage your subscription", url: p.manageUrl }} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        Your recurring cleanup at {p.address} renews on {p.billingDate} for {formatCents(p.amountCents)}. Pause or cancel before then if you
        need to.
      </P>
    </EmailLayout>
  ),
});
