import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; reason: string; jobUrl: string; audience: "scooper" | "admin" };

export const disputeOpened = defineEmail<Props>({
  subject: () => "A cleanup was disputed",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", reason: "Incomplete", jobUrl: "http://localhost:3000/jobs/sample", audience: "scooper" },
  Component: (p) => (
    <EmailLayout preview={`Dispute: ${p.reason}`} title="A cleanup was disputed" action={{ label: p.audience === "admin" ? "Review the dispute" : "See the dispute and respond", url: p.jobUrl }}>
      <P>
        The customer disputed the cleanup at {p.address} ({p.reason}). The payout is on hold until an admin resolves it.
      </P>
    </EmailLayout>
  ),
});
