import { defineEmail, EmailLayout, P } from "./layout";

type Props = { url: string };

export const signUpConfirmation = defineEmail<Props>({
  subject: () => "Confirm your Scoop account",
  sample: { url: "http://localhost:3000/api/auth/callback/email?token=sample" },
  Component: ({ url }) => (
    <EmailLayout preview="Confirm your email to finish signing up" title="Confirm your email" action={{ label: "Confirm and sign in", url }}>
      <P>Welcome to Scoop! Confirm your email address to finish creating your account.</P>
      <P>The link works once and expires in 24 hours.</P>
    </EmailLayout>
  ),
});
