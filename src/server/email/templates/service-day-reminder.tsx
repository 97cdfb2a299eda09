import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; serviceDate: string; priceCents: number; manageUrl: string; unsubscribeUrl: string };

export const serviceDayReminder = defineEmail<Props>({
  subject: (p, { t }) => t("serviceDayReminder.subject", { date: p.serviceDate }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", serviceDate: "Tuesday, March 16", priceCents: 2500, manageUrl: "http://localhost:3000/recurring", unsubscribeUrl: "http://localhost:3000/unsubscribe?token=sample" },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t("serviceDayReminder.preview", { address: p.address })}
      title={p.t("serviceDayReminder.title")}
      action={{ label: p.t("serviceDayReminder.action"), url: p.manageUrl }}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <P>{p.t("serviceDayReminder.body", { address: p.address, date: p.serviceDate, amount: p.money(p.priceCents) })}</P>
    </EmailLayout>
  ),
});
