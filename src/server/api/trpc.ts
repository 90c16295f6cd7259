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
import { ENROLMENT_REQUIRED_MESSAGE } from "@/shared/two-factor";
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from "../services/errors";

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
  errorFormatter({ shape, error }) {
    if (error.code !== "INTERNAL_SERVER_ERROR") return shape;
    const reference = requestId() ?? randomUUID();
    logger.error("procedure failed", { reference, path: shape.data.path, error: String(error.cause ?? error.message) });
    if (env().NODE_ENV !== "production") return shape;
    return { ...shape, message: `Something went wrong on our side. Reference: ${reference}`, data: { ...shape.data, stack: undefined } };
  },
});

export const router = t.router;

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
  if (code) throw new TRPCError({ code, message: result.error.cause!.message });
  return result;
});

// Right after sign-in, before role checks and the input schema, on the raw input (JSON, any
// shape). It looks only at the caller's own bytes, so it tells nothing about a form they may not use.
const wellFormedInput = t.middleware(async ({ getRawInput, next }) => {
  const path = findLoneSurrogate(await getRawInput());
  if (path) {
    const field = path.length > 0 ? `"${path.join(".")}"` : "The input";
    throw new TRPCError({ code: "BAD_REQUEST", message: `${field} holds a lone UTF-16 surrogate (half of a character); send well-formed text` });
  }
  return next();
});

/** A signed-in user, whatever else is due: for a person's own two-factor setup only. */
export const signedInProcedure = t.procedure
  .use(mapServiceErrors)
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    return next({ ctx: { user: ctx.user } });
  })
  .use(wellFormedInput);

export const protectedProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  const [mustEnrol, access] = await Promise.all([mustEnrolTwoFactor(ctx.user.id), loadAccess(ctx.user)]);
  if (mustEnrol) throw new TRPCError({ code: "FORBIDDEN", message: ENROLMENT_REQUIRED_MESSAGE });
  return next({ ctx: { user: ctx.user, access } });
});

// Checked before the input: an agent learns FORBIDDEN, not what is wrong with a form they cannot use.
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can do this: manage people, inboxes, security and shared canned responses" });
  return next();
});
