import { TRPCClientError } from "@trpc/client";
import { fieldWords, type FieldIssue } from "@/lib/validation-words";

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
    return data?.zodError || data?.issues ? "Please fix the fields marked below." : error.message;
  }
  return "Something went wrong. Please try again.";
}
