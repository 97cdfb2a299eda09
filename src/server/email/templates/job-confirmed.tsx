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
  subject: (p, { t, money }) =>
    p.role === "poster" ? t("jobConfirmed.subjectPoster", { amount: money(p.priceCents) }) : t("jobConfirmed.subjectScooper", { amount: money(p.takeHomeCents) }),
  sample: {
    role: "poster", jobId: "cl_sample", address: "12 Oak St, Park Slope, Brooklyn", confirmedOn: "2027-03-12",
    priceCents: 2500, feeCents: 375, takeHomeCents: 2125, jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t(p.role === "poster" ? "jobConfirmed.previewPoster" : "jobConfirmed.previewScooper")}
      title={p.t(p.role === "poster" ? "jobConfirmed.titlePoster" : "jobConfirmed.titleScooper")}
      action={{ label: p.t("jobConfirmed.action"), url: p.jobUrl }}
    >
      <P>{p.t("jobConfirmed.body", { address: p.address, date: p.confirmedOn, reference: p.jobId })}</P>
      {p.role === "poster" ? (
        <P>{p.t("jobConfirmed.totalCharged", { amount: p.money(p.priceCents) })}</P>
      ) : (
        <>
          <P>{p.t("jobConfirmed.jobPrice", { amount: p.money(p.priceCents) })}</P>
          <P>{p.t("jobConfirmed.platformFee", { amount: p.money(p.feeCents) })}</P>
          <P>{p.t("jobConfirmed.takeHome", { amount: p.money(p.takeHomeCents) })}</P>
        </>
      )}
    </EmailLayout>
  ),
});
