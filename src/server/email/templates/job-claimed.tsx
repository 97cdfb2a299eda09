import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; jobUrl: string };

export const jobClaimed = defineEmail<Props>({
  subject: () => "A scooper claimed your cleanup",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, scooperName, jobUrl }) => (
    <EmailLayout preview={`${scooperName} claimed your cleanup`} title="Your cleanup was claimed" action={{ label: "View the job", url: jobUrl }}>
      <P>
        {scooperName} claimed your cleanup at {address}. They have 2 hours to start; you will hear from us when the yard is done.
      </P>
    </EmailLayout>
  ),
});
