import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = {
  role: "poster" | "scooper";
  jobId: string;
  address: string;
  confirmedOn: string;
  priceCents: number;
  feeCents: number;
  takeHomeCents: number;
  jobUrl: string;
};

/** The receipt: the poster sees what they paid, the scooper what they earn. Cannot be turned off. */
export const jobConfirmed = defineEmail<Props>({
  subject: (p) => (p.role === "poster" ? `Receipt: ${formatCents(p.priceCents)} for your cleanup` : `You earned ${formatCents(p.takeHomeCents)}`),
  sample: {
    role: "poster", jobId: "cl_sample", address: "12 Oak St, Park Slope, Brooklyn", confirmedOn: "2027-03-12",
    priceCents: 2500, feeCents: 375, takeHomeCents: 2125, jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: (p) => (
    <EmailLayout preview={p.role === "poster" ? "Your receipt" : "Your earnings receipt"} title={p.role === "poster" ? "Receipt" : "Earnings receipt"} action={{ label: "View the job", url: p.jobUrl }}>
      <P>
        Cleanup at {p.address}, confirmed {p.confirmedOn}. Reference {p.jobId}.
      </P>
      {p.role === "poster" ? (
        <P>Total charged: {formatCents(p.priceCents)}</P>
      ) : (
        <>
          <P>Job price: {formatCents(p.priceCents)}</P>
          <P>Platform fee: −{formatCents(p.feeCents)}</P>
          <P>Your take-home: {formatCents(p.takeHomeCents)}</P>
        </>
      )}
    </EmailLayout>
  ),
});
