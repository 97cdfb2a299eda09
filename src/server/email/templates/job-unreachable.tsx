import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; reason: string; note: string | null; answerBy: string; feeCents: number; jobUrl: string };

export const jobUnreachable = defineEmail<Props>({
  subject: () => "Your scooper could not get into the yard",
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", reason: "Locked gate", note: "The padlock is on and nobody answers.",
    answerBy: "5:30 PM", feeCents: 500, jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: ({ address, scooperName, reason, note, answerBy, feeCents, jobUrl }) => (
    <EmailLayout preview={`${scooperName} could not get in: ${reason}`} title="Your scooper could not get in" action={{ label: "Answer now", url: jobUrl }}>
      <P>
        {scooperName} could not get into the yard at {address}: {reason.toLowerCase()}.{note ? ` "${note}"` : ""} Their photos are on the job page.
      </P>
      <P>
        Please answer by {answerBy}: ask them to try again (fix the problem first), or cancel, which pays them the {formatCents(feeCents)} cancellation fee. With no
        answer by then the job is cancelled with that fee.
      </P>
    </EmailLayout>
  ),
});
