// First start and every start: migrations, the default inbox, and the first users.
import { randomUUID } from "node:crypto";
import { db } from "./db/client";
import { migrateSqlite } from "./db/migrate";
import { applyPendingMigrations, withStartupLock } from "./db/migrate-postgres";
import { providerOf } from "./db/provider";
import { env, EnvError } from "./env";
import { hashPassword } from "./auth/password";
import { logger } from "./logger";
import { moveLegacyMediaFiles } from "./media/legacy-layout";
import { sealStoredSecrets } from "./secrets/seal-stored";
import { isDemoMode } from "./whatsapp/graph-target";
import { DEMO_USERS } from "./demo/demo-users";


export async function bootstrap(): Promise<void> {
  const url = env().DATABASE_URL;
  if (providerOf(url) === "sqlite") return startUp(migrateSqlite(url));
  // Several processes may start at once: one at a time, so the first creates the inbox and users.
  await withStartupLock(url, async (client) => startUp(await applyPendingMigrations(client)));
}

async function startUp(applied: string[]): Promise<void> {
  if (applied.length > 0) logger.info("migrations applied", { applied });
  await sealStoredSecrets();
  const inboxId = await ensureDefaultInbox();
  await ensureFirstUsers(inboxId);
  await moveLegacyMediaFiles();
}

async function ensureDefaultInbox(): Promise<string> {
  const phoneNumberId = env().WHATSAPP_PHONE_NUMBER_ID;
  return db().transaction(async (tx) => {
    const existing = await tx.inbox.findUnique({ where: { phoneNumberId } });
    if (existing) return existing.id;
    const inbox = await tx.inbox.create({ data: { id: randomUUID(), name: "WhatsApp", phoneNumberId } });
    return inbox.id;
  });
}

export const NO_FIRST_ADMIN_MESSAGE =
  "Switchboard has no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin. " +
  "(The demo users, with their well-known passwords, are only created in demo mode, without WHATSAPP_ACCESS_TOKEN.)";

/**
 * The first start creates the configured admin, or in demo mode the demo users. A real number
 * (WHATSAPP_ACCESS_TOKEN) with neither refuses to start: an account with a published password on
 * a server that must be reachable from the internet is how inboxes get taken over.
 */
function firstUsers(): readonly { email: string; password: string; name: string; role: string }[] {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (ADMIN_EMAIL && ADMIN_PASSWORD) return [{ email: ADMIN_EMAIL.toLowerCase(), password: ADMIN_PASSWORD, name: "Admin", role: "admin" }];
  if (isDemoMode()) return DEMO_USERS;
  throw new EnvError(NO_FIRST_ADMIN_MESSAGE);
}

async function ensureFirstUsers(inboxId: string): Promise<void> {
  if ((await db().read.user.count()) > 0) return;
  const { ADMIN_EMAIL } = env();
  const users = firstUsers();
  const hashed = await Promise.all(
    users.map(async (user) => ({ ...user, id: randomUUID(), passwordHash: await hashPassword(user.password) })),
  );
  await db().transaction(async (tx) => {
    for (const user of hashed) {
      await tx.user.create({
        data: { id: user.id, email: user.email, name: user.name, role: user.role, passwordHash: user.passwordHash },
      });
      await tx.inboxMember.create({ data: { inboxId, userId: user.id } });
    }
  });
  if (!ADMIN_EMAIL) {
    // Printed, not logged: a newcomer needs to see how to sign in whatever the log level.
    console.log(`Demo users: ${DEMO_USERS.map(({ email, password }) => `${email} / ${password}`).join(", ")}`);
  }
}
