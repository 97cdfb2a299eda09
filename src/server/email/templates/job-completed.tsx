import { Img, Row, Section } from "react-email";
import { durationUnit } from "@/lib/duration-words";
import { defineEmail, EmailLayout, P } from "./layout";

/** `autoConfirmMinutes`: AUTO_CONFIRM_SECONDS in whole minutes, worded in hours when it is whole hours. */
type Props = { address: string; scooperName: string; jobUrl: string; photoUrls: string[]; autoConfirmMinutes: number };

export const jobCompleted = defineEmail<Props>({
  subject: (_, { t }) => t("jobCompleted.subject"),
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn",
    scooperName: "Sam",
    jobUrl: "http://localhost:3000/jobs/sample",
    photoUrls: ["https://placehold.co/160x120/png", "https://placehold.co/160x120/png"],
    autoConfirmMinutes: 24 * 60,
  },
  Component: ({ address, scooperName, jobUrl, photoUrls, autoConfirmMinutes, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobCompleted.preview", { scooperName })} title={t("jobCompleted.title")} action={{ label: t("jobCompleted.action"), url: jobUrl }}>
      <P>{t("jobCompleted.body", { scooperName, address, ...durationUnit(autoConfirmMinutes) })}</P>
      {photoUrls.length > 0 && (
        <Section>
          <Row>
            {photoUrls.map((url, i) => (
              <Img key={url + i} src={url} alt={t("jobCompleted.photoAlt", { number: i + 1 })} width="160" height="120" style={{ display: "inline-block", margin: "0 8px 8px 0", borderRadius: "6px" }} />
            ))}
          </Row>
        </Section>
      )}
    </EmailLayout>
  ),
});
