import { Img, Row, Section } from "react-email";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; jobUrl: string; photoUrls: string[]; autoConfirmHours: number };

export const jobCompleted = defineEmail<Props>({
  subject: () => "Your yard is clean: check the photos",
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn",
    scooperName: "Sam",
    jobUrl: "http://localhost:3000/jobs/sample",
    photoUrls: ["https://placehold.co/160x120/png", "https://placehold.co/160x120/png"],
    autoConfirmHours: 24,
  },
  Component: ({ address, scooperName, jobUrl, photoUrls, autoConfirmHours }) => (
    <EmailLayout preview={`${scooperName} finished your cleanup`} title="Your cleanup is done" action={{ label: "Confirm or report a problem", url: jobUrl }}>
      <P>
        {scooperName} finished the cleanup at {address}. Look at the photos and confirm; if you do nothing, it is confirmed automatically
        after {autoConfirmHours} hours.
      </P>
      {photoUrls.length > 0 && (
        <Section>
          <Row>
            {photoUrls.map((url, i) => (
              <Img key={url + i} src={url} alt={`After photo ${i + 1}`} width="160" height="120" style={{ display: "inline-block", margin: "0 8px 8px 0", borderRadius: "6px" }} />
            ))}
          </Row>
        </Section>
      )}
    </EmailLayout>
  ),
});
