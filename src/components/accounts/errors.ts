import { TRPCClientError } from "@trpc/client";

/** Field errors from the server's zod validation (see the error formatter in src/server/api/trpc.ts). */
export function fieldErrors(error: unknown): Record<string, string[] | undefined> {
  if (error instanceof TRPCClientError) {
    const data = error.data as { zodError?: { fieldErrors?: Record<string, string[]> } } | undefined;
    return data?.zodError?.fieldErrors ?? {};
  }
  return {};
}

export function formError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as { zodError?: unknown } | undefined;
    return data?.zodError ? "Please fix the fields marked below." : error.message;
  }
  return "Something went wrong. Please try again.";
}
