// When a session stops working. A session carries the moment its user signed in; a password reset
// (or anything else that sets User.sessionsValidAfter) ends every session that began before it.
//
// Why not the JWT's `iat`: next-auth re-issues the token, with a fresh `iat`, each time the
// browser asks /api/auth/session, so an old session could renew itself past a reset. `signedInAt`
// is set once at sign-in (auth/options.ts) and carried over on every renewal.
import type { JWT } from "next-auth/jwt";

/** The claim in the session token holding the sign-in time, in milliseconds since the epoch. */
export const SIGNED_IN_AT_CLAIM = "signedInAt";

/** When this session began: our own claim, or `iat` for a token issued before the claim existed. */
export function signedInAtOf(token: JWT): number | null {
  const claim = token[SIGNED_IN_AT_CLAIM];
  if (typeof claim === "number" && Number.isFinite(claim)) return claim;
  return typeof token.iat === "number" ? token.iat * 1000 : null;
}

/** A session is current unless it began before the user's sessions were last invalidated. */
export function isSessionCurrent(signedInAt: number | null, sessionsValidAfter: Date | null): boolean {
  if (sessionsValidAfter === null) return true;
  return signedInAt !== null && signedInAt >= sessionsValidAfter.getTime();
}
