/** The bell's button, shared by the placeholder the server renders and the live bell that replaces it. */
export function BellButton(props: { label: string; unread: number; open: boolean; onClick?: () => void }) {
  const { unread } = props;
  return (
    <button
      type="button"
      onClick={props.onClick}
      disabled={!props.onClick}
      className="relative rounded-full p-1.5 text-slate-700 hover:bg-slate-100"
      aria-label={props.label}
      aria-expanded={props.open}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.73 21a2 2 0 0 1-3.46 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-bold leading-4 text-white" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </button>
  );
}
