// What every route handler outside tRPC (media, uploads, the reports' CSV) does first: an answer
// in JSON with a sentence for people, and who is asking — under the same rule as every procedure
// (signed in, and not someone who must set up two-factor sign-in first).
import { said, type ServerText } from "@/shared/server-text";
import { english } from "../i18n/english";
import { userFromHeaders, type SessionUser } from "../auth/session-user";
import { mustEnrolTwoFactor } from "../auth/two-factor-policy";

/**
 * An error answer, never cached: `{ error }` in English, and for a text people read, `text` for the
 * dashboard to word in their language (shared/server-text.ts). A plain string is for operators.
 */
export function problem(status: number, error: ServerText | string, headers: Record<string, string> = {}): Response {
  const body = typeof error === "string" ? { error } : { error: english(error), text: error };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The signed-in user, or the answer to give instead (401 with `signInFirst`, or 403). */
export async function routeUser(request: Request, signInFirst: ServerText): Promise<SessionUser | Response> {
  const user = await userFromHeaders(request.headers);
  if (!user) return problem(401, signInFirst);
  if (await mustEnrolTwoFactor(user.id)) return problem(403, said("enrolmentRequired"));
  return user;
}
