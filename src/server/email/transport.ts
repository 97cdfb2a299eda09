/**
 * Where email goes: Resend when RESEND_API_KEY is set, otherwise the dev mailbox (the message row stays in
 * the database, where /dev/mailbox and the tests read it). Only the worker calls `getEmailTransport`.
 */
import { Resend } from "resend";
import { env } from "@/env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
  unsubscribeUrl?: string | null;
};
export type EmailTransport = { name: "resend" | "dev-mailbox"; send: (email: OutgoingEmail) => Promise<{ providerId: string | null }> };

function resendTransport(apiKey: string): EmailTransport {
  // The SDK throws when constructed without a key, so it is only built here, when one is set.
  const resend = new Resend(apiKey, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: env.EMAIL_FROM,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(env.EMAIL_REPLY_TO ? { replyTo: env.EMAIL_REPLY_TO } : {}),
          // RFC 8058 one-click unsubscribe: mail clients show an "Unsubscribe" button that POSTs to the URL.
          ...(email.unsubscribeUrl
            ? { headers: { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
            : {}),
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`);
      return { providerId: data?.id ?? null };
    },
  };
}

const devMailbox: EmailTransport = { name: "dev-mailbox", send: async () => ({ providerId: null }) };

export function getEmailTransport(): EmailTransport {
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY) : devMailbox;
}

export function devMailboxEnabled(): boolean {
  return !env.RESEND_API_KEY && (env.NODE_ENV !== "production" || env.DEV_MAILBOX_ENABLED === "1");
}
