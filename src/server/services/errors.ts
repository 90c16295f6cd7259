// What a service refuses, in words for the person who asked. The tRPC layer turns each into its
// code once (api/trpc.ts); route handlers map them to HTTP statuses.

/** It does not exist, or the caller may not see it: the two are never told apart. */
export class NotFoundError extends Error {}

/** The request contradicts what is stored (an id reused for another message, a conversation taken meanwhile). */
export class ConflictError extends Error {}

/** The caller may see it but not do this (an agent assigning someone else). */
export class ForbiddenError extends Error {}

/** Well-formed but not acceptable (assigning someone who cannot see the conversation). */
export class InvalidRequestError extends Error {}
