/**
 * Account email templates: each returns a subject, an HTML body and a plain-text body.
 * (The notifications issue moves these to React Email; keep the function signatures.)
 */
import { env } from "@/env";

export type RenderedEmail = { subject: string; html: string; text: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#178a48;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p><p style="font-size:12px;color:#64748b;word-break:break-all">${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}${button}<p style="font-size:12px;color:#64748b">Scoop · yard cleanups</p></body></html>`;
}

export function passwordResetEmail(opts: { resetUrl: string; ttlMinutes: number }): RenderedEmail {
  const lines = [
    "Someone (hopefully you) asked to reset the password of your Scoop account.",
    `The link below works once and expires in ${opts.ttlMinutes} minutes. If you did not ask, ignore this email: your password stays as it is.`,
  ];
  return {
    subject: "Reset your Scoop password",
    html: layout("Reset your password", lines, { label: "Choose a new password", url: opts.resetUrl }),
    text: `${lines.join("\n\n")}\n\nChoose a new password: ${opts.resetUrl}\n`,
  };
}

export function magicLinkEmail(opts: { url: string }): RenderedEmail {
  const lines = ["Use the link below to sign in to Scoop. It works once and expires in 24 hours."];
  return {
    subject: "Your Scoop sign-in link",
    html: layout("Sign in to Scoop", lines, { label: "Sign in", url: opts.url }),
    text: `${lines[0]}\n\nSign in: ${opts.url}\n`,
  };
}

export function appUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

export function confirmSignUpEmail(opts: { url: string }): RenderedEmail {
  const lines = ["Welcome to Scoop! Confirm your email address to finish creating your account.", "The link works once and expires in 24 hours."];
  return {
    subject: "Confirm your Scoop account",
    html: layout("Confirm your email", lines, { label: "Confirm and sign in", url: opts.url }),
    text: `${lines.join("\n\n")}\n\nConfirm and sign in: ${opts.url}\n`,
  };
}

export function accountExistsEmail(opts: { signInUrl: string; resetUrl: string }): RenderedEmail {
  const lines = [
    "Someone tried to create a Scoop account with this email address, but you already have one.",
    `If it was you, sign in at ${opts.signInUrl}, or choose a new password at ${opts.resetUrl}. If it was not you, you can ignore this email.`,
  ];
  return {
    subject: "You already have a Scoop account",
    html: layout("You already have an account", lines, { label: "Sign in", url: opts.signInUrl }),
    text: `${lines.join("\n\n")}\n`,
  };
}
