import { DeadEnd } from "@/components/ui/dead-end";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <DeadEnd code="404" title="We could not find that page">
      <p>The link may be old or mistyped. A job that was claimed, cancelled or expired is no longer shown to everyone.</p>
    </DeadEnd>
  );
}
