// What a service refuses, in words for the person who asked: a text the dashboard words in their
// language (shared/server-text.ts), with its English as the message for logs and API callers. The
// tRPC layer turns each into its code once (api/trpc.ts); route handlers map them to HTTP statuses.
import type { ServerText } from "@/shared/server-text";
import { english } from "../i18n/english";

/** An error whose message is a server text. */
export class TextError extends Error {
  constructor(readonly text: ServerText) {
    super(english(text));
  }
}

/** It does not exist, or the caller may not see it: the two are never told apart. */
export class NotFoundError extends TextError {}

/** The request contradicts what is stored (an id reused for another message, a conversation taken meanwhile). */
export class ConflictError extends TextError {}

/** The caller may see it but not do this (an agent assigning someone else). */
export class ForbiddenError extends TextError {}

/** Well-formed but not acceptable (assigning someone who cannot see the conversation). */
export class InvalidRequestError extends TextError {}

/** The text an error carries, if it is one of ours (directly or as the cause of a wrapper). */
export function textOf(error: unknown): ServerText | undefined {
  if (error instanceof TextError) return error.text;
  if (error instanceof Error && error.cause instanceof TextError) return error.cause.text;
  return undefined;
}
