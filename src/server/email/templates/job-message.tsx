import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; senderLabel: string; excerpt: string; photoCount: number; jobUrl: string };

/** A job message for the other party. Replies happen on the job page: the app never passes on an email address. */
export const jobMessage = defineEmail<Props>({
  subject: ({ senderLabel, address }, { t }) => t("jobMessage.subject", { sender: senderLabel, address }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", senderLabel: "Sam, your scooper", excerpt: "The side gate is stuck, can you open it?", photoCount: 1, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, senderLabel, excerpt, photoCount, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobMessage.preview", { sender: senderLabel, excerpt })} title={t("jobMessage.title")} action={{ label: t("jobMessage.action"), url: jobUrl }}>
      <P>{t("jobMessage.intro", { sender: senderLabel, address })}</P>
      {excerpt ? <P>“{excerpt}”</P> : null}
      {photoCount > 0 ? <P>{t("jobMessage.photos", { count: photoCount })}</P> : null}
      <P>{t("jobMessage.replyHint")}</P>
    </EmailLayout>
  ),
});
