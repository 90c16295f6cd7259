// The demo accounts. The sign-in page names them, but only while they are what they were made as: in demo
// mode, still there, and still with their published password (an admin who changed it is not
// advertised a password that no longer works). The page is public, so the bcrypt comparison is
// remembered per stored hash: a changed password is a new hash, and loading the page costs no hashing.
import { verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { isDemoMode } from "../whatsapp/graph-target";

/** Created on the first start in demo mode only (bootstrap.ts); their passwords are public. */
export const DEMO_USERS = [
  { email: "admin@example.com", password: "admin", name: "Ada Admin", role: "admin" },
  { email: "agent@example.com", password: "agent", name: "Alan Agent", role: "agent" },
] as const;

const stillPublished = new Map<string, Promise<boolean>>();

function hasPublishedPassword(password: string, passwordHash: string): Promise<boolean> {
  let known = stillPublished.get(passwordHash);
  if (!known) stillPublished.set(passwordHash, (known = verifyPassword(password, passwordHash)));
  return known;
}

export async function demoUsersToShow(): Promise<{ email: string; password: string }[]> {
  if (!isDemoMode()) return [];
  const shown: { email: string; password: string }[] = [];
  for (const demo of DEMO_USERS) {
    const user = await db().read.user.findUnique({ where: { email: demo.email }, select: { passwordHash: true, active: true } });
    if (user?.active && (await hasPublishedPassword(demo.password, user.passwordHash))) shown.push({ email: demo.email, password: demo.password });
  }
  return shown;
}
