import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; billingDate: string; amountCents: number; manageUrl: string; unsubscribeUrl: string };

export const renewalReminder = defineEmail<Props>({
  subject: (p, { t }) => t("renewalReminder.subject", { date: p.billingDate }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", billingDate: "March 19", amountCents: 10000, manageUrl: "http://localhost:3000/recurring", unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample" },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t("renewalReminder.preview", { date: p.billingDate })}
      title={p.t("renewalReminder.title")}
      action={{ label: p.t("renewalReminder.action"), url: p.manageUrl }}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <P>{p.t("renewalReminder.body", { address: p.address, date: p.billingDate, amount: p.money(p.amountCents) })}</P>
    </EmailLayout>
  ),
});
