// next-auth: email and password (Credentials) with JWT sessions. The token records when its user
// signed in; renewing it (every read of /api/auth/session, the login page's check) asks the
// database whether the session still counts, so a deactivated user or a session ended by a password
// reset reads as signed out everywhere, not only in our own procedures.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { logger } from "../logger";
import { unusableHash, verifyPassword } from "./password";
import { clientAddressOf } from "./client-address";
import { assertMayTry, recordFailure, recordSuccess } from "./sign-in-throttle";
import { checkSecondFactor } from "./second-factor";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./sign-out";
import { currentSessionUser } from "./session-user";
import { SIGNED_IN_AT_CLAIM, signedInAtOf } from "./session-validity";
import { SIGN_IN_CODE_REQUIRED, SIGN_IN_CODE_WRONG } from "@/shared/two-factor";

/** Thrown to make next-auth drop a session cookie; an expected outcome, not an error. */
class SessionEndedError extends Error {}

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1),
  // The authentication code of the second step (a TOTP code or a recovery code), sent with the password again.
  code: z.string().max(64).optional(),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  events: {
    // The token itself stays valid until it expires; recording it as revoked is what ends it.
    async signOut({ token }) {
      const signedInAt = token ? signedInAtOf(token) : null;
      if (token?.sub && signedInAt !== null) await revokeSession(token.sub, signedInAt);
    },
  },
  pages: { signIn: "/login" },
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, [SIGNED_IN_AT_CLAIM]: Date.now() };
      // Carry the sign-in time over explicitly: a token from before the claim existed keeps its iat.
      const signedInAt = signedInAtOf(token);
      if (!token.sub || !(await currentSessionUser(token.sub, signedInAt))) throw new SessionEndedError("Session ended");
      return { ...token, [SIGNED_IN_AT_CLAIM]: signedInAt };
    },
  },
  logger: {
    error(code, metadata) {
      if (metadata instanceof SessionEndedError) logger.info("session ended; cookie cleared", { code });
      else logger.error("next-auth error", { code, error: (metadata instanceof Error ? metadata : metadata.error).message });
    },
    warn: (code) => logger.warn("next-auth warning", { code }),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(raw, req) {
        const credentials = ZCredentials.safeParse(raw);
        if (!credentials.success) return null;
        const { email, password } = credentials.data;
        const address = clientAddressOf(req.headers);
        await assertMayTry(email, address);
        const user = await db().read.user.findUnique({ where: { email } });
        // The hash is checked even for an unknown email, so both cost the same time and the
        // answer's speed does not tell which emails have accounts.
        const matches = await verifyPassword(password, user?.passwordHash ?? (await unusableHash()));
        if (!user || !user.active || !matches) {
          await recordFailure(email, address);
          return null;
        }
        // The password is checked on the second step too: a code alone never signs anyone in. A
        // missing code is neither a failure nor a success (the account's failure count stays); a
        // wrong one counts like a wrong password. next-auth hands the error's text to the form.
        const secondFactor = await checkSecondFactor(user.id, credentials.data.code);
        if (secondFactor === "missing") throw new Error(SIGN_IN_CODE_REQUIRED);
        if (secondFactor === "refused") {
          await recordFailure(email, address);
          throw new Error(SIGN_IN_CODE_WRONG);
        }
        await recordSuccess(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
};
