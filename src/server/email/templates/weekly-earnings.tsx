import { Column, Row, Section, Text } from "react-email";
import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = {
  weekStart: string;
  weekEnd: string;
  totalCents: number;
  /** When the money moves: the provider's words (payoutNote in weekly-earnings.ts). */
  payoutNote: string;
  jobs: { date: string; area: string; amountCents: number }[];
  unsubscribeUrl: string;
};

const cell = { fontSize: "14px", padding: "4px 0", margin: 0 };

export const weeklyEarnings = defineEmail<Props>({
  subject: (p) => `You earned ${formatCents(p.totalCents)} this week`,
  sample: {
    weekStart: "2027-03-08", weekEnd: "2027-03-14", totalCents: 4250, payoutNote: "It is held in your Scoop balance until payouts to your bank are set up.",
    jobs: [
      { date: "2027-03-09", area: "Park Slope, Brooklyn", amountCents: 2125 },
      { date: "2027-03-14", area: "Astoria, Queens", amountCents: 2125 },
    ],
    unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample",
  },
  Component: (p) => (
    <EmailLayout preview={`You earned ${formatCents(p.totalCents)}`} title={`You earned ${formatCents(p.totalCents)} this week`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        What you were paid for cleanups from {p.weekStart} to {p.weekEnd}, tips and cancellation fees included, less
        any refunds. {p.payoutNote}
      </P>
      <Section>
        {p.jobs.map((job, i) => (
          <Row key={i}>
            <Column><Text style={cell}>{job.date}</Text></Column>
            <Column><Text style={cell}>{job.area}</Text></Column>
            <Column align="right"><Text style={cell}>{formatCents(job.amountCents)}</Text></Column>
          </Row>
        ))}
        <Row>
          <Column><Text style={{ ...cell, fontWeight: 700 }}>Total</Text></Column>
          <Column />
          <Column align="right"><Text style={{ ...cell, fontWeight: 700 }}>{formatCents(p.totalCents)}</Text></Column>
        </Row>
      </Section>
    </EmailLayout>
  ),
});
