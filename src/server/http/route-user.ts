// What every route handler outside tRPC (media, uploads, the reports' CSV) does first: an answer
// in JSON with a sentence for people, and who is asking — under the same rule as every procedure
// (signed in, and not someone who must set up two-factor sign-in first).
import { ENROLMENT_REQUIRED_MESSAGE } from "@/shared/two-factor";
import { userFromHeaders, type SessionUser } from "../auth/session-user";
import { mustEnrolTwoFactor } from "../auth/two-factor-policy";

/** An error answer: `{ error }`, never cached. */
export const problem = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });

/** The signed-in user, or the answer to give instead (401 with `signInFirst`, or 403). */
export async function routeUser(request: Request, signInFirst: string): Promise<SessionUser | Response> {
  const user = await userFromHeaders(request.headers);
  if (!user) return problem(401, signInFirst);
  if (await mustEnrolTwoFactor(user.id)) return problem(403, ENROLMENT_REQUIRED_MESSAGE);
  return user;
}
