"use client";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";

/**
 * Asks before an action that cannot be undone (cancel a job, ban a user). Radix's alert dialog gives the focus
 * trap, Escape, the labelled title/description and focus return; this adds Scoop's look and a phone-safe width.
 * `children` is the extra content (a required reason field, say); `confirmDisabled` holds the button until it
 * is filled in.
 */
export function ConfirmDialog(props: {
  /** The button that opens it; omit when `open` is controlled by the caller (one dialog for many rows). */
  trigger?: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  tone?: "danger" | "default";
  onConfirm: () => void;
  confirmDisabled?: boolean;
  children?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const confirmClass =
    props.tone === "danger" ? "bg-red-700 text-white hover:bg-red-800" : "bg-brand-700 text-white hover:bg-brand-800";
  return (
    <AlertDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger && <AlertDialog.Trigger asChild>{props.trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[1100] bg-black/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-[1101] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-xl bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-lg font-bold">{props.title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="space-y-2 text-sm text-slate-700">{props.description}</div>
          </AlertDialog.Description>
          {props.children}
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className="rounded-lg border border-slate-300 px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50">
              {props.cancelLabel}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={`rounded-lg px-4 py-2.5 font-semibold disabled:opacity-60 ${confirmClass}`}
              disabled={props.confirmDisabled}
              onClick={props.onConfirm}
            >
              {props.confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
