import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

/** Who is told, and by whom the job was cancelled: the scooper who held it, or the poster when someone else cancelled. */
type Props = {
  address: string;
  audience: "scooper" | "poster";
  by: "poster" | "admin" | "system";
  reason: string | null;
  /** What the scooper is paid for the cancelled claim (0 when nothing is owed). */
  feeCents: number;
  jobUrl: string;
};

const byWords = { poster: "The customer", admin: "Scoop's support team", system: "Scoop" } as const;

export const jobCancelled = defineEmail<Props>({
  subject: ({ audience }) => (audience === "scooper" ? "A cleanup you claimed was cancelled" : "Your cleanup was cancelled"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", audience: "scooper", by: "poster", reason: "Moved the visit", feeCents: 425, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, audience, by, reason, feeCents, jobUrl }) => (
    <EmailLayout preview="The cleanup is cancelled" title="Cleanup cancelled" action={{ label: "See the job", url: jobUrl }}>
      <P>
        {byWords[by]} cancelled the cleanup at {address}
        {reason ? ` (“${reason}”)` : ""}.
      </P>
      {audience === "scooper" ? (
        <P>{feeCents > 0 ? `You are paid a cancellation fee of ${formatCents(feeCents)} for it.` : "You do not need to go; it no longer counts toward your claims."}</P>
      ) : (
        <P>Any hold on your card for it is released{feeCents > 0 ? `, less the scooper's cancellation fee of ${formatCents(feeCents)}` : ""}.</P>
      )}
    </EmailLayout>
  ),
});
