// Who is calling: read from the next-auth JWT, then checked against the database on every request
// and socket, so a deactivated user is out at once rather than when the token expires.
import { getToken } from "next-auth/jwt";
import { parse as parseCookies } from "cookie";
import type { IncomingHttpHeaders } from "node:http";
import { db } from "../db/client";
import { env } from "../env";

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

/** The signed-in, active user behind a request's session cookie, or null. */
export async function userFromHeaders(headers: IncomingHttpHeaders | Headers): Promise<SessionUser | null> {
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
  return activeUser(token.sub);
}

export async function activeUser(id: string): Promise<SessionUser | null> {
  const user = await db().read.user.findUnique({ where: { id } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "agent" };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
