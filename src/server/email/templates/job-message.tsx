import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; senderLabel: string; excerpt: string; photoCount: number; jobUrl: string };

/** A job message for the other party. Replies happen on the job page: the app never passes on an email address. */
export const jobMessage = defineEmail<Props>({
  subject: ({ senderLabel, address }) => `New message from ${senderLabel} about ${address}`,
  sample: { address: "12 Oak St, Park Slope, Brooklyn", senderLabel: "Sam, your scooper", excerpt: "The side gate is stuck, can you open it?", photoCount: 1, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, senderLabel, excerpt, photoCount, jobUrl }) => (
    <EmailLayout preview={`From ${senderLabel}: ${excerpt}`} title="New message about your cleanup" action={{ label: "Read and reply", url: jobUrl }}>
      <P>A message from {senderLabel} about the cleanup at {address}:</P>
      {excerpt ? <P>“{excerpt}”</P> : null}
      {photoCount > 0 ? <P>{photoCount === 1 ? "With 1 photo." : `With ${photoCount} photos.`}</P> : null}
      <P>Reply on the job page; replies to this email are not delivered.</P>
    </EmailLayout>
  ),
});
