// What a failed message.send means for the outbox. The rule that keeps the queue from looping or
// losing a reply: only a definite "no" from the server (a 4xx for this input or this user) rejects
// a reply; no answer at all, a 5xx, a timeout or rate limiting mean "try again later", which is
// safe because a resend carries the same id.
import { decodeText, type ServerText } from "@/shared/server-text";
import { httpStatusOf, serverTextOf } from "@/trpc/query-client";

/** How the reason reads in the person's language: a server text worded, and what to say for none. */
export interface ReasonWords {
  word: (text: ServerText, english?: string) => string;
  refused: string;
}

export type SendFailure =
  | { kind: "retry-later" }
  | { kind: "signed-out" }
  | { kind: "rejected"; reason: string };

export function classifySendError(error: unknown, words: ReasonWords): SendFailure {
  const status = httpStatusOf(error);
  // No status: the request or its answer never made it (offline, DNS, reset, aborted, or a proxy
  // answering an error page that is not tRPC's JSON).
  if (status === undefined) return { kind: "retry-later" };
  if (status === 401) return { kind: "signed-out" };
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry-later" };
  if (status >= 400) return { kind: "rejected", reason: readableReason(error, words) };
  return { kind: "retry-later" };
}

/**
 * The server's message in words: its text in the person's language when it sent one. Otherwise an
 * input validation error arrives as zod's issue list in JSON ("[{ "message": …, … }]"); a person
 * should read only the messages.
 */
export function readableReason(error: unknown, words: ReasonWords): string {
  const message = error instanceof Error ? error.message.trim() : "";
  const text = serverTextOf(error);
  if (text) return words.word(text, message);
  if (message.startsWith("[")) {
    try {
      const issues: unknown = JSON.parse(message);
      if (Array.isArray(issues)) {
        const texts = issues.flatMap((issue: unknown) =>
          typeof issue === "object" && issue !== null && "message" in issue && typeof issue.message === "string" ? [inWords(issue.message, words)] : [],
        );
        if (texts.length > 0) return texts.join("; ");
      }
    } catch {
      // Not JSON after all: show it as it is.
    }
  }
  return message || words.refused;
}

const inWords = (message: string, words: ReasonWords): string => {
  const text = decodeText(message);
  return text ? words.word(text) : message;
};
