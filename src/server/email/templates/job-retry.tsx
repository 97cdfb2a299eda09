import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; startBy: string; jobUrl: string };

export const jobRetry = defineEmail<Props>({
  subject: () => "The customer asks you to try again",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", startBy: "7:30 PM", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, startBy, jobUrl }) => (
    <EmailLayout preview="Try the yard again" title="The customer asks you to try again" action={{ label: "View the job", url: jobUrl }}>
      <P>
        The customer answered your &quot;can&apos;t get in&quot; report for {address}: please try again. The job is yours; start it by {startBy} or it
        returns to the board.
      </P>
    </EmailLayout>
  ),
});
