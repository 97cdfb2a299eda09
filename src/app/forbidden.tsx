import { DeadEnd } from "@/components/ui/dead-end";

export default function Forbidden() {
  return (
    <DeadEnd code="403" title="Not allowed">
      <p>Your account may not open this page. If you think it should, sign in with the account that can.</p>
    </DeadEnd>
  );
}
