import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; takeHomeCents: number; windowMinutes: number; jobUrl: string };

/** To a customer's preferred scooper: a recurring visit is theirs to claim first, for a while. */
export const jobReserved = defineEmail<Props>({
  subject: () => "A cleanup is waiting for you",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", takeHomeCents: 1530, windowMinutes: 120, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, takeHomeCents, windowMinutes, jobUrl }) => (
    <EmailLayout preview="Claim it before it opens to everyone" title="A customer asked for you" action={{ label: "Claim it", url: jobUrl }}>
      <P>
        Today&apos;s recurring cleanup at {address} is offered to you first: you take home {formatCents(takeHomeCents)}.
      </P>
      <P>It opens to every scooper in {windowMinutes >= 120 ? `${windowMinutes / 60} hours` : `${windowMinutes} minutes`} if you have not claimed it.</P>
    </EmailLayout>
  ),
});
