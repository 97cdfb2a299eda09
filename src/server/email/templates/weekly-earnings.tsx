import { Column, Row, Section, Text } from "react-email";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = {
  weekStart: string;
  weekEnd: string;
  totalCents: number;
  /** Who holds the money until it moves (the payments provider's name): the email says when it reaches the bank. */
  payoutProvider: string;
  jobs: { date: string; area: string; amountCents: number }[];
  unsubscribeUrl: string;
};

const cell = { fontSize: "14px", padding: "4px 0", margin: 0 };

export const weeklyEarnings = defineEmail<Props>({
  subject: (p, { t, money }) => t("weeklyEarnings.subject", { amount: money(p.totalCents) }),
  sample: {
    weekStart: "2027-03-08", weekEnd: "2027-03-14", totalCents: 4250, payoutProvider: "ledger",
    jobs: [
      { date: "2027-03-09", area: "Park Slope, Brooklyn", amountCents: 2125 },
      { date: "2027-03-14", area: "Astoria, Queens", amountCents: 2125 },
    ],
    unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample",
  },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t("weeklyEarnings.preview", { amount: p.money(p.totalCents) })}
      title={p.t("weeklyEarnings.title", { amount: p.money(p.totalCents) })}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <P>{p.t("weeklyEarnings.body", { start: p.weekStart, end: p.weekEnd, payoutNote: p.t("words.payoutNote", { provider: p.payoutProvider }) })}</P>
      <Section>
        {p.jobs.map((job, i) => (
          <Row key={i}>
            <Column><Text style={cell}>{job.date}</Text></Column>
            <Column><Text style={cell}>{job.area}</Text></Column>
            <Column align="right"><Text style={cell}>{p.money(job.amountCents)}</Text></Column>
          </Row>
        ))}
        <Row>
          <Column><Text style={{ ...cell, fontWeight: 700 }}>{p.t("weeklyEarnings.total")}</Text></Column>
          <Column />
          <Column align="right"><Text style={{ ...cell, fontWeight: 700 }}>{p.money(p.totalCents)}</Text></Column>
        </Row>
      </Section>
    </EmailLayout>
  ),
});
