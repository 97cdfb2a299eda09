import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; repostUrl: string };

export const jobExpired = defineEmail<Props>({
  subject: () => "Your cleanup expired unclaimed",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", repostUrl: "http://localhost:3000/jobs/sample/repost" },
  Component: ({ address, repostUrl }) => (
    <EmailLayout preview="Post it again in one tap" title="No one claimed your cleanup" action={{ label: "Post it again", url: repostUrl }}>
      <P>Your cleanup at {address} was not claimed within 24 hours, so it expired and you were not charged.</P>
      <P>Post it again with the same details in one tap; a higher price is claimed faster.</P>
    </EmailLayout>
  ),
});
