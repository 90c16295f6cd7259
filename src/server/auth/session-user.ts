// Who is calling: read from the next-auth JWT, then checked against the database on every request
// and socket, so a deactivated user, or a session ended by a password reset, is out at once rather
// than when the token expires.
import { getToken, type JWT } from "next-auth/jwt";
import { parse as parseCookies } from "cookie";
import { LRUCache } from "lru-cache";
import type { IncomingHttpHeaders } from "node:http";
import { readSessionRevoked, readUser } from "../db/hot-reads";
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

/**
 * Decrypting a session token costs a key derivation (HKDF) every time, a seventh of what opening a
 * socket costs the server. The same cookie decodes to the same token, so decoded tokens are kept
 * by cookie header, briefly; whether the session still counts is checked against the database on
 * every request all the same.
 */
const decodedTokens = new LRUCache<string, JWT>({ max: 5_000, ttl: 5 * 60_000 });

async function decodeSessionToken(headers: Record<string, string>): Promise<JWT | null> {
  const cookieHeader = headers.cookie ?? "";
  const cached = decodedTokens.get(cookieHeader);
  if (cached && (typeof cached.exp !== "number" || cached.exp * 1000 > Date.now())) return cached;
  // getToken wants a request with parsed cookies; a raw upgrade request has none (DESIGN.md).
  const token = await getToken({
    req: { headers, cookies: parseCookies(cookieHeader) } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
    secureCookie: secureCookieWanted(),
  });
  if (token) decodedTokens.set(cookieHeader, token);
  return token;
}

/** The current session behind a request's session cookie, or null. */
export async function sessionFromHeaders(headers: IncomingHttpHeaders | Headers): Promise<Session | null> {
  const headerRecord: Record<string, string> =
    headers instanceof Headers ? Object.fromEntries(headers.entries()) : flattenHeaders(headers);
  const token = await decodeSessionToken(headerRecord);
  if (!token?.sub) return null;
  const signedInAt = signedInAtOf(token);
  const user = await currentSessionUser(token.sub, signedInAt);
  return user ? { user, signedInAt } : null;
}

/** The user of a session that began at `signedInAt`, if they are active and the session still counts. */
export async function currentSessionUser(id: string, signedInAt: number | null): Promise<SessionUser | null> {
  const user = await readUser(id);
  if (!user || !user.active || !isSessionCurrent(signedInAt, user.sessionsValidAfter)) return null;
  if (signedInAt !== null && (await readSessionRevoked(id, signedInAt))) return null;
  return toSessionUser(user);
}

/** The user if they are active, whatever session asks. */
export async function activeUser(id: string): Promise<SessionUser | null> {
  const user = await readUser(id);
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
