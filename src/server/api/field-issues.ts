import { z, type ZodError } from "zod";
import { issueParams, type FieldIssue } from "@/lib/validation-words";

const zodDefault = z.locales.en().localeError;

/**
 * A zod error as `{ path, code, params }` per issue: only the issue's plain values (limits, origin, format),
 * never zod's developer sentence. When the schema's author wrote their own words, they travel as
 * `params.message`; the client turns everything else into words (src/lib/validation-words.ts).
 */
export function toFieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = issueParams(issue);
    const generic = zodDefault(issue as never);
    const genericText = typeof generic === "string" ? generic : generic?.message;
    if (issue.message && issue.message !== genericText) params.message = issue.message;
    return { path: issue.path.filter((s): s is string | number => typeof s !== "symbol"), code: issue.code, params };
  });
}
