import { defineEmail, EmailLayout, P } from "./layout";

type Props = { url: string };

export const magicLink = defineEmail<Props>({
  subject: () => "Your Scoop sign-in link",
  sample: { url: "http://localhost:3000/api/auth/callback/email?token=sample" },
  Component: ({ url }) => (
    <EmailLayout preview="Your Scoop sign-in link" title="Sign in to Scoop" action={{ label: "Sign in", url }}>
      <P>Use the link below to sign in to Scoop. It works once and expires in 24 hours.</P>
    </EmailLayout>
  ),
});
