import { defineEmail, EmailLayout, P } from "./layout";

type Props = { resetUrl: string; ttlMinutes: number };

export const passwordReset = defineEmail<Props>({
  subject: () => "Reset your Scoop password",
  sample: { resetUrl: "http://localhost:3000/reset-password?token=sample", ttlMinutes: 60 },
  Component: ({ resetUrl, ttlMinutes }) => (
    <EmailLayout preview="Reset your Scoop password" title="Reset your password" action={{ label: "Choose a new password", url: resetUrl }}>
      <P>Someone (hopefully you) asked to reset the password of your Scoop account.</P>
      <P>
        The link below works once and expires in {ttlMinutes} minutes. If you did not ask, ignore this email: your password stays as it
        is.
      </P>
    </EmailLayout>
  ),
});
