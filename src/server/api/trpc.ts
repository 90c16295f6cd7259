// 1. One tRPC instance for the app. The context is just the signed-in user (or null), found the
//    same way for HTTP requests and WebSocket connections (auth/session-user.ts).
// 2. Procedures are named by what they need: `protectedProcedure` has a user and their access,
//    `adminProcedure` an admin. While two-factor sign-in is required and the user has not set it
//    up, both refuse (FORBIDDEN); only `signedInProcedure` — setting it up — still answers.
// 3. Service errors become tRPC errors here, once; unexpected ones are logged and masked here.
// 4. Input that is not well-formed text (a lone UTF-16 surrogate) is refused here with 400 naming
//    the field, for every procedure: the database driver would refuse it with a 500.
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import { env } from "../env";
import { logger } from "../logger";
import { findLoneSurrogate } from "../http/lone-surrogates";
import { requestId } from "../request-context";
import type { SessionUser } from "../auth/session-user";
import type { LiveChannel } from "../realtime/wire/live-channel";
import { mustEnrolTwoFactor } from "../auth/two-factor-policy";
import { loadAccess } from "../services/access";
import { firstIssueText, said, type ServerText } from "@/shared/server-text";
import { english } from "../i18n/english";
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError, TextError, textOf } from "../services/errors";

export interface Context {
  user: SessionUser | null;
  /** When the caller's session began: a stream over HTTP ends when that session does. */
  signedInAt?: number | null;
  /**
   * Given by the WebSocket transport to one subscription: the live event stream then writes
   * encoded frames straight to the socket (realtime/wire/live-channel.ts). Absent over HTTP.
   */
  live?: LiveChannel;
}

const t = initTRPC.context<Context>().create({
  // An unexpected error's text (a database driver's, with its SQL) stays in the log; in production
  // the client gets a sentence and a reference to find that log line by.
  //
  // A refusal in words for people carries its text (shared/server-text.ts) as `data.text`, which
  // the dashboard words in the reader's language; its message is the English.
  errorFormatter({ shape, error }) {
    const text = error.code === "INTERNAL_SERVER_ERROR" ? undefined : (textOf(error.cause) ?? inputText(error.cause));
    if (text) return { ...shape, message: english(text), data: { ...shape.data, text } };
    if (error.code !== "INTERNAL_SERVER_ERROR") return { ...shape, data: { ...shape.data, text: undefined } };
    const reference = requestId() ?? randomUUID();
    logger.error("procedure failed", { reference, path: shape.data.path, error: String(error.cause ?? error.message) });
    if (env().NODE_ENV !== "production") return shape;
    return { ...shape, message: `Something went wrong on our side. Reference: ${reference}`, data: { ...shape.data, stack: undefined, text: undefined } };
  },
});

export const router = t.router;

/** A tRPC error with `code` whose message is `text` (worded for each reader by the formatter). */
export const refusal = (code: TRPCError["code"], text: ServerText): TRPCError =>
  new TRPCError({ code, message: english(text), cause: new TextError(text) });

/** The text of the first problem an input schema found (zod's error, as tRPC passes it on). */
function inputText(cause: unknown): ServerText | undefined {
  if (typeof cause !== "object" || cause === null || !("issues" in cause)) return undefined;
  return firstIssueText(cause.issues) ?? undefined;
}

const codeFor = (cause: unknown): TRPCError["code"] | null =>
  cause instanceof NotFoundError
    ? "NOT_FOUND"
    : cause instanceof ConflictError
      ? "CONFLICT"
      : cause instanceof ForbiddenError
        ? "FORBIDDEN"
        : cause instanceof InvalidRequestError
          ? "BAD_REQUEST"
          : null;

const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const code = codeFor(result.error.cause);
  if (code) throw new TRPCError({ code, message: result.error.cause!.message, cause: result.error.cause });
  return result;
});

// Right after sign-in, before role checks and the input schema, on the raw input (JSON, any
// shape). It looks only at the caller's own bytes, so it tells nothing about a form they may not use.
const wellFormedInput = t.middleware(async ({ getRawInput, next }) => {
  const path = findLoneSurrogate(await getRawInput());
  if (path) {
    throw refusal("BAD_REQUEST", said("loneSurrogate", { path: path.length > 0 ? path.join(".") : "input" }));
  }
  return next();
});

/** A signed-in user, whatever else is due: for a person's own two-factor setup only. */
export const signedInProcedure = t.procedure
  .use(mapServiceErrors)
  .use(({ ctx, next }) => {
    if (!ctx.user) throw refusal("UNAUTHORIZED", said("signInFirst"));
    return next({ ctx: { user: ctx.user } });
  })
  .use(wellFormedInput);

export const protectedProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  const [mustEnrol, access] = await Promise.all([mustEnrolTwoFactor(ctx.user.id), loadAccess(ctx.user)]);
  if (mustEnrol) throw refusal("FORBIDDEN", said("enrolmentRequired"));
  return next({ ctx: { user: ctx.user, access } });
});

// Checked before the input: an agent learns FORBIDDEN, not what is wrong with a form they cannot use.
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw refusal("FORBIDDEN", said("adminsOnly"));
  return next();
});
