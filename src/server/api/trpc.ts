// 1. One tRPC instance for the app. The context is just the signed-in user (or null), found the
//    same way for HTTP requests and WebSocket connections (auth/session-user.ts).
// 2. Procedures are named by what they need: `protectedProcedure` has a user and their access,
//    `adminProcedure` an admin.
// 3. Service errors become tRPC errors here, once; unexpected ones are logged and masked here.
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import { env } from "../env";
import { logger } from "../logger";
import { requestId } from "../request-context";
import type { SessionUser } from "../auth/session-user";
import type { LiveChannel } from "../realtime/wire/live-channel";
import { loadAccess } from "../services/access";
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

export const protectedProcedure = t.procedure.use(mapServiceErrors).use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const access = await loadAccess(ctx.user);
  return next({ ctx: { user: ctx.user, access } });
});

// Checked before the input: an agent learns FORBIDDEN, not what is wrong with a form they cannot use.
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can manage people and inboxes" });
  return next();
});
