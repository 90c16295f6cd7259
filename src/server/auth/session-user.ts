// Who is calling: read from the next-auth JWT, then checked against the database on every request
// and socket, so a deactivated user, or a session ended by a password reset, is out at once rather
// than when the token expires.
import { getToken } from "next-auth/jwt";
import { parse as parseCookies } from "cookie";
import type { IncomingHttpHeaders } from "node:http";
import { db } from "../db/client";
import { env } from "../env";
import { isSessionCurrent, signedInAtOf } from "./session-validity";

import type { Role } from "@/shared/dto";

export type { Role };
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The secure (`__Secure-`) cookie name is used when the app is served over https. */
const secureCookieWanted = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

export interface Session {
  user: SessionUser;
  /** When this session began (ms); the WebSocket server re-checks it when the user's access changes. */
  signedInAt: number | null;
}

/** The signed-in, active user behind a request's session cookie, or null. */
export async function userFromHeaders(headers: IncomingHttpHeaders | Headers): Promise<SessionUser | null> {
  return (await sessionFromHeaders(headers))?.user ?? null;
}

/** The current session behind a request's session cookie, or null. */
export async function sessionFromHeaders(headers: IncomingHttpHeaders | Headers): Promise<Session | null> {
  const headerRecord: Record<string, string> =
    headers instanceof Headers ? Object.fromEntries(headers.entries()) : flattenHeaders(headers);
  const cookies = parseCookies(headerRecord.cookie ?? "");
  // getToken wants a request with parsed cookies; a raw upgrade request has none (DESIGN.md).
  const token = await getToken({
    req: { headers: headerRecord, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
    secureCookie: secureCookieWanted(),
  });
  if (!token?.sub) return null;
  const signedInAt = signedInAtOf(token);
  const user = await currentSessionUser(token.sub, signedInAt);
  return user ? { user, signedInAt } : null;
}

/** The user of a session that began at `signedInAt`, if they are active and the session still counts. */
export async function currentSessionUser(id: string, signedInAt: number | null): Promise<SessionUser | null> {
  const user = await db().read.user.findUnique({ where: { id } });
  if (!user || !user.active || !isSessionCurrent(signedInAt, user.sessionsValidAfter)) return null;
  return toSessionUser(user);
}

/** The user if they are active, whatever session asks. */
export async function activeUser(id: string): Promise<SessionUser | null> {
  const user = await db().read.user.findUnique({ where: { id } });
  return user?.active ? toSessionUser(user) : null;
}

function toSessionUser(user: { id: string; email: string; name: string; role: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "agent" };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
