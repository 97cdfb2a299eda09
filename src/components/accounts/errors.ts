import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { fieldWords, formWords, type FieldIssue } from "@/lib/validation-words";

type ErrorData = { zodError?: { fieldErrors?: Record<string, string[]> } | null; issues?: FieldIssue[] } | undefined;

/** Field errors in plain words, keyed by input field, from the server's `{ path, code, params }` issues. */
export function fieldErrors(error: unknown): Record<string, string[] | undefined> {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData;
    if (data?.issues) return fieldWords(data.issues);
    return data?.zodError?.fieldErrors ?? {};
  }
  return {};
}

/** The sentence above a form: the server's own words, or a pointer to the fields when they carry the errors. */
export function formError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData;
    return data?.zodError || data?.issues ? formWords("fixFields") : error.message;
  }
  return formWords("somethingWrong");
}

/**
 * Puts the server's field errors on a react-hook-form's fields, in plain words. `rename` maps a server field to
 * the form's (the post form's `price` is typed in dollars; the server checks `priceCents`).
 */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown, rename: Record<string, Path<T>> = {}): void {
  for (const [field, words] of Object.entries(fieldErrors(error))) {
    if (words?.[0]) setError(rename[field] ?? (field as Path<T>), { type: "server", message: words[0] });
  }
}
