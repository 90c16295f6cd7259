// The reads every request and socket makes — the user behind a session, their inbox memberships,
// the app secrets a webhook may be signed with —
// on a read-only SQLite connection of their own with prepared statements. A reconnect storm opens
// thousands of sockets within seconds, and through Prisma's client each of these reads cost about
// half a millisecond of CPU; here they cost microseconds. Nothing is cached: a deactivation or a
// membership change committed before a request is always seen by it.
import Database from "better-sqlite3";
import { env } from "../env";
import { sqliteFilePath } from "./paths";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  sessionsValidAfter: Date | null;
}

interface RawUser extends Omit<UserRow, "active" | "sessionsValidAfter"> {
  active: number;
  sessionsValidAfter: string | null;
}

function createReads() {
  const sqlite = new Database(sqliteFilePath(env().DATABASE_URL), { readonly: true, fileMustExist: true });
  const userById = sqlite.prepare<[string], RawUser>(
    `SELECT "id", "email", "name", "role", "active", "sessionsValidAfter" FROM "User" WHERE "id" = ?`,
  );
  const membershipsOf = sqlite.prepare<[string], { inboxId: string }>(`SELECT "inboxId" FROM "InboxMember" WHERE "userId" = ?`);
  const inboxSecrets = sqlite.prepare<[], { phoneNumberId: string; appSecret: string | null }>(`SELECT "phoneNumberId", "appSecret" FROM "Inbox"`);

  return {
    user(id: string): UserRow | null {
      const row = userById.get(id);
      if (!row) return null;
      return { ...row, active: row.active === 1, sessionsValidAfter: row.sessionsValidAfter ? new Date(row.sessionsValidAfter) : null };
    },
    inboxIds: (userId: string): string[] => membershipsOf.all(userId).map((row) => row.inboxId),
    inboxSecrets: () => inboxSecrets.all(),
    close: () => sqlite.close(),
  };
}

const globalForReads = globalThis as typeof globalThis & { __switchboardHotReads?: ReturnType<typeof createReads> };
const reads = () => (globalForReads.__switchboardHotReads ??= createReads());

/** The user row with this id, or null. */
export const readUser = (id: string) => reads().user(id);

/** The ids of the inboxes this user belongs to. */
export const readInboxIds = (userId: string) => reads().inboxIds(userId);

/** Every inbox's phone number id and own app secret (null: WHATSAPP_APP_SECRET signs for it). */
export const readInboxSecrets = () => reads().inboxSecrets();

export function closeHotReads(): void {
  globalForReads.__switchboardHotReads?.close();
  globalForReads.__switchboardHotReads = undefined;
}
