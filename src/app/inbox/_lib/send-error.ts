// What a failed message.send means for the outbox. The rule that keeps the queue from looping or
// losing a reply: only a definite "no" from the server (a 4xx for this input or this user) rejects
// a reply; no answer at all, a 5xx, a timeout or rate limiting mean "try again later", which is
// safe because a resend carries the same id.
import { httpStatusOf } from "@/trpc/query-client";

export type SendFailure =
  | { kind: "retry-later" }
  | { kind: "signed-out" }
  | { kind: "rejected"; reason: string };

export function classifySendError(error: unknown): SendFailure {
  const status = httpStatusOf(error);
  // No status: the request or its answer never made it (offline, DNS, reset, aborted, or a proxy
  // answering an error page that is not tRPC's JSON).
  if (status === undefined) return { kind: "retry-later" };
  if (status === 401) return { kind: "signed-out" };
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry-later" };
  if (status >= 400) return { kind: "rejected", reason: readableReason(error) };
  return { kind: "retry-later" };
}

/**
 * The server's message in words. An input validation error arrives as zod's issue list in JSON
 * ("[{ "message": "Write a message first", … }]"); a person should read only the messages.
 */
export function readableReason(error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : "";
  if (message.startsWith("[")) {
    try {
      const issues: unknown = JSON.parse(message);
      if (Array.isArray(issues)) {
        const texts = issues.flatMap((issue: unknown) =>
          typeof issue === "object" && issue !== null && "message" in issue && typeof issue.message === "string" ? [issue.message] : [],
        );
        if (texts.length > 0) return texts.join("; ");
      }
    } catch {
      // Not JSON after all: show it as it is.
    }
  }
  return message || "The server refused this message";
}
