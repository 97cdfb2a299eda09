import type { Translate } from "@/server/i18n/translate";
import { defineEmail, EmailLayout, P } from "./layout";

/** Who wrote: the customer, or the scooper (by name when they gave one); worded in the recipient's language. */
export type MessageSender = { role: "customer" } | { role: "scooper"; name: string | null };

type Props = { address: string; sender: MessageSender; excerpt: string; photoCount: number; jobUrl: string };

/** The sender as the recipient reads it: "the customer", "Sam, your scooper", "your scooper". */
export function senderLabel(sender: MessageSender, t: Translate<"emails">): string {
  return sender.role === "scooper" && sender.name ? t("words.senderNamed", { name: sender.name }) : t("words.sender", { role: sender.role });
}

/** A job message for the other party. Replies happen on the job page: the app never passes on an email address. */
export const jobMessage = defineEmail<Props>({
  subject: ({ sender, address }, { t }) => t("jobMessage.subject", { sender: senderLabel(sender, t), address }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", sender: { role: "scooper", name: "Sam" }, excerpt: "The side gate is stuck, can you open it?", photoCount: 1, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, sender, excerpt, photoCount, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobMessage.preview", { sender: senderLabel(sender, t), excerpt })} title={t("jobMessage.title")} action={{ label: t("jobMessage.action"), url: jobUrl }}>
      <P>{t("jobMessage.intro", { sender: senderLabel(sender, t), address })}</P>
      {excerpt ? <P>“{excerpt}”</P> : null}
      {photoCount > 0 ? <P>{t("jobMessage.photos", { count: photoCount })}</P> : null}
      <P>{t("jobMessage.replyHint")}</P>
    </EmailLayout>
  ),
});
