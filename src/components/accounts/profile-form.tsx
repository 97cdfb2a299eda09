"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { api, type RouterOutputs } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { fieldErrors, formError } from "./errors";

type Profile = RouterOutputs["accounts"]["me"];

export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const update = api.accounts.updateProfile.useMutation({ onSuccess: () => router.refresh() });
  const addRole = api.accounts.addRole.useMutation({ onSuccess: () => router.refresh() });
  const changePassword = api.accounts.changePassword.useMutation();
  const retryEmail = api.accounts.retryEmailAddresses.useMutation({ onSuccess: () => router.refresh() });
  const missingRoles = (["CUSTOMER", "SCOOPER"] as const).filter((r) => !profile.roles.includes(r));

  return (
    <div className="space-y-8">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          update.mutate({ name: String(form.get("name") ?? ""), notificationEmail: String(form.get("notificationEmail") ?? "") || null });
        }}
      >
        <h2 className="text-lg font-semibold">Details</h2>
        {profile.undeliverable.length > 0 && (
          <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="email-undeliverable">
            {profile.undeliverable.map((u) => (
              <p key={u.address}>
                Email to <b>{u.address}</b> {u.reason === "bounced" ? "bounced" : "was reported as spam"} on {u.since.toLocaleDateString()}
                {u.detail ? ` (${u.detail})` : ""}, so we have stopped sending to it, except password resets.
              </p>
            ))}
            <p>Fix it by entering another notification email below, or, once the inbox works again:</p>
            <button
              type="button"
              disabled={retryEmail.isPending}
              onClick={() => retryEmail.mutate()}
              className="rounded-lg border border-amber-600 px-3 py-1.5 font-semibold text-amber-900 disabled:opacity-60"
            >
              Send to this address again
            </button>
            {formError(retryEmail.error) && <p className="text-red-700">{formError(retryEmail.error)}</p>}
          </div>
        )}
        {update.isSuccess && <Notice tone="success">Saved.</Notice>}
        {formError(update.error) && <Notice tone="error">{formError(update.error)}</Notice>}
        <Field label="Sign-in email" htmlFor="email">
          <TextInput id="email" value={profile.email} readOnly disabled />
        </Field>
        <Field label="Name" htmlFor="name" error={fieldErrors(update.error).name}>
          <TextInput id="name" name="name" defaultValue={profile.name ?? ""} required maxLength={80} />
        </Field>
        <Field label="Notification email" htmlFor="notificationEmail" error={fieldErrors(update.error).notificationEmail} hint="Leave empty to use your sign-in email.">
          <TextInput id="notificationEmail" name="notificationEmail" type="email" defaultValue={profile.notificationEmail ?? ""} />
        </Field>
        <SubmitButton pending={update.isPending}>Save</SubmitButton>
      </form>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Roles</h2>
        <p className="text-sm text-slate-700" data-testid="roles">
          {profile.roles.map((r) => r.toLowerCase()).join(", ")}
        </p>
        {missingRoles.map((role) => (
          <button
            key={role}
            type="button"
            disabled={addRole.isPending}
            onClick={() => addRole.mutate({ role })}
            className="w-full rounded-lg border border-brand-600 px-4 py-3 font-medium text-brand-700"
          >
            {role === "SCOOPER" ? "Become a scooper too" : "Post cleanups as a customer too"}
          </button>
        ))}
      </section>

      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const newPassword = String(form.get("newPassword") ?? "");
          changePassword.mutate(
            { currentPassword: String(form.get("currentPassword") ?? ""), newPassword },
            // Changing the password ends every session, this one too: sign straight back in with the new one.
            { onSuccess: () => void signIn("credentials", { redirect: false, email: profile.email, password: newPassword }).then(() => router.refresh()) },
          );
        }}
      >
        <h2 className="text-lg font-semibold">Password</h2>
        {changePassword.isSuccess && <Notice tone="success">Password changed. Other devices have been signed out.</Notice>}
        {formError(changePassword.error) && <Notice tone="error">{formError(changePassword.error)}</Notice>}
        {profile.hasPassword && (
          <Field label="Current password" htmlFor="currentPassword">
            <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
        )}
        <Field label="New password" htmlFor="newPassword" error={fieldErrors(changePassword.error).newPassword}>
          <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        <SubmitButton pending={changePassword.isPending}>Change password</SubmitButton>
      </form>
    </div>
  );
}
