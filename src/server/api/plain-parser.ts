// A tRPC input parser that fails with the first problem as one sentence ("Email: …") rather than
// zod's JSON list of issues: what a form shows as it comes, worded in the reader's language from
// the text the schema's message carries (shared/server-text.ts).
import type { z } from "zod";
import { firstIssueText } from "@/shared/server-text";
import { InvalidRequestError } from "../services/errors";

export function plainParser<Schema extends z.ZodType>(schema: Schema) {
  return (input: unknown): z.output<Schema> => {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    // A message of zod's own (a shape no form sends, such as a missing id) stays as zod words it.
    const text = firstIssueText(result.error.issues);
    throw text ? new InvalidRequestError(text) : new Error(result.error.issues[0]?.message ?? "Invalid input");
  };
}
