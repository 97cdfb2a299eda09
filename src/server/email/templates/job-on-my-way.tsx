import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; etaMinutes: number | null; etaLocalTime: string | null; jobUrl: string };

export const jobOnMyWay = defineEmail<Props>({
  subject: ({ scooperName }) => `${scooperName} is on the way to your yard`,
  sample: { address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", etaMinutes: 12, etaLocalTime: "3:42 PM", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, scooperName, etaMinutes, etaLocalTime, jobUrl }) => (
    <EmailLayout preview={`${scooperName} is on the way`} title="Your scooper is on the way" action={{ label: "View the job", url: jobUrl }}>
      <P>
        {scooperName} is on the way to your cleanup at {address}.
        {etaMinutes !== null && etaLocalTime !== null
          ? ` Expected around ${etaLocalTime} (about ${etaMinutes} minute${etaMinutes === 1 ? "" : "s"}, estimated from the straight-line distance).`
          : ""}
      </P>
      <P>Please make sure the gate is open and any dogs are inside.</P>
    </EmailLayout>
  ),
});
