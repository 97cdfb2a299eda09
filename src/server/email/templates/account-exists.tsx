import { defineEmail, EmailLayout, P } from "./layout";

type Props = { signInUrl: string; resetUrl: string };

export const accountExists = defineEmail<Props>({
  subject: () => "You already have a Scoop account",
  sample: { signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" },
  Component: ({ signInUrl, resetUrl }) => (
    <EmailLayout preview="You already have a Scoop account" title="You already have an account" action={{ label: "Sign in", url: signInUrl }}>
      <P>Someone tried to create a Scoop account with this email address, but you already have one.</P>
      <P>
        If it was you, sign in at {signInUrl}, or choose a new password at {resetUrl}. If it was not you, you can ignore this email.
      </P>
    </EmailLayout>
  ),
});
