import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; serviceDate: string; reason: string; manageUrl: string };

/** An admin skipped a recurring visit for bad weather: the customer is told the date and why. */
export const weatherSkip = defineEmail<Props>({
  subject: ({ serviceDate }) => `Your cleanup on ${serviceDate} is skipped for the weather`,
  sample: { address: "12 Oak St, Park Slope, Brooklyn", serviceDate: "2026-12-08", reason: "Snowstorm warning", manageUrl: "http://localhost:3000/recurring" },
  Component: ({ address, serviceDate, reason, manageUrl }) => (
    <EmailLayout preview={`No cleanup on ${serviceDate}`} title="A visit is skipped for the weather" action={{ label: "Your recurring cleanups", url: manageUrl }}>
      <P>
        Your recurring cleanup at {address} is skipped on {serviceDate}: {reason}.
      </P>
      <P>Nothing is charged for that visit, and the next one goes ahead as planned.</P>
    </EmailLayout>
  ),
});
