// The reads every request and socket makes — the user behind a session, their inbox memberships,
// the app secrets a webhook may be signed with. On SQLite, on a read-only connection of their own
// with prepared statements: a reconnect storm opens thousands of sockets within seconds, and
// through Prisma's client each of these reads cost about half a millisecond of CPU; here they cost
// microseconds. On PostgreSQL, through the pool of the hot paths (./postgres-direct.ts). Nothing
// is cached: a deactivation or a membership change committed before a request is always seen by
// it, on every process.
import Database from "better-sqlite3";
import { env } from "../env";
import { sqliteFilePath } from "./paths";
import { providerOf } from "./provider";
import { postgresDirect } from "./postgres-direct";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  sessionsValidAfter: Date | null;
}

interface RawUser extends Omit<UserRow, "active" | "sessionsValidAfter"> {
  active: number | boolean;
  sessionsValidAfter: string | Date | null;
}

const USER_BY_ID = `SELECT "id", "email", "name", "role", "active", "sessionsValidAfter" FROM "User" WHERE "id" = ?`;
const MEMBERSHIPS_OF = `SELECT "inboxId" FROM "InboxMember" WHERE "userId" = ?`;
const INBOX_SECRETS = `SELECT "phoneNumberId", "appSecret" FROM "Inbox"`;
const REVOKED = `SELECT 1 AS "revoked" FROM "RevokedSession" WHERE "userId" = ? AND "signedInAt" = ?`;
// Whether this user has two-factor sign-in on, and the app-wide setting that requires it: one
// statement, as it is asked on every procedure call (auth/two-factor-policy.ts).
const TWO_FACTOR_GATE = `SELECT "totpEnabledAt" IS NOT NULL AS "enabled", (SELECT "value" FROM "Setting" WHERE "key" = ?) AS "setting" FROM "User" WHERE "id" = ?`;

export interface TwoFactorGate {
  enabled: boolean;
  /** The stored value of the setting `key` asked for (JSON), or null when it was never set. */
  setting: string | null;
}

interface RawGate {
  enabled: number | boolean;
  setting: string | null;
}

const toGate = (row: RawGate | undefined): TwoFactorGate =>
  row ? { enabled: row.enabled === 1 || row.enabled === true, setting: row.setting } : { enabled: false, setting: null };

const toUserRow = (row: RawUser): UserRow => ({
  ...row,
  active: row.active === 1 || row.active === true,
  sessionsValidAfter: row.sessionsValidAfter ? new Date(row.sessionsValidAfter) : null,
});

interface HotReads {
  user(id: string): Promise<UserRow | null>;
  inboxIds(userId: string): Promise<string[]>;
  inboxSecrets(): Promise<{ phoneNumberId: string; appSecret: string | null }[]>;
  revoked(userId: string, signedInAt: number): Promise<boolean>;
  twoFactorGate(userId: string, settingKey: string): Promise<TwoFactorGate>;
  close(): void;
}

function createPostgresReads(): HotReads {
  const readSql = () => postgresDirect().sql;
  return {
    user: async (id) => {
      const [row] = await readSql().all<RawUser>(USER_BY_ID, id);
      return row ? toUserRow(row) : null;
    },
    inboxIds: async (userId) => (await readSql().all<{ inboxId: string }>(MEMBERSHIPS_OF, userId)).map((row) => row.inboxId),
    inboxSecrets: () => readSql().all(INBOX_SECRETS),
    revoked: async (userId, signedInAt) => (await readSql().all(REVOKED, userId, signedInAt)).length > 0,
    twoFactorGate: async (userId, settingKey) => toGate((await readSql().all<RawGate>(TWO_FACTOR_GATE, settingKey, userId))[0]),
    close: () => undefined,
  };
}

function createSqliteReads(): HotReads {
  const sqlite = new Database(sqliteFilePath(env().DATABASE_URL), { readonly: true, fileMustExist: true });
  const userById = sqlite.prepare<[string], RawUser>(USER_BY_ID);
  const membershipsOf = sqlite.prepare<[string], { inboxId: string }>(MEMBERSHIPS_OF);
  const inboxSecrets = sqlite.prepare<[], { phoneNumberId: string; appSecret: string | null }>(INBOX_SECRETS);
  const revoked = sqlite.prepare<[string, number], { revoked: number }>(REVOKED);
  const twoFactorGate = sqlite.prepare<[string, string], RawGate>(TWO_FACTOR_GATE);

  return {
    user: (id) => {
      const row = userById.get(id);
      return Promise.resolve(row ? toUserRow(row) : null);
    },
    inboxIds: (userId) => Promise.resolve(membershipsOf.all(userId).map((row) => row.inboxId)),
    inboxSecrets: () => Promise.resolve(inboxSecrets.all()),
    revoked: (userId, signedInAt) => Promise.resolve(revoked.get(userId, signedInAt) !== undefined),
    twoFactorGate: (userId, settingKey) => Promise.resolve(toGate(twoFactorGate.get(settingKey, userId))),
    close: () => sqlite.close(),
  };
}

const createReads = (): HotReads => (providerOf(env().DATABASE_URL) === "postgresql" ? createPostgresReads() : createSqliteReads());

const globalForReads = globalThis as typeof globalThis & { __switchboardHotReads?: HotReads };
const reads = () => (globalForReads.__switchboardHotReads ??= createReads());

/** The user row with this id, or null. */
export const readUser = (id: string) => reads().user(id);

/** The ids of the inboxes this user belongs to. */
export const readInboxIds = (userId: string) => reads().inboxIds(userId);

/** Whether the session of this user that began at `signedInAt` was ended by signing out. */
export const readSessionRevoked = (userId: string, signedInAt: number) => reads().revoked(userId, signedInAt);

/** Whether the user has two-factor sign-in on, with the stored value of the setting `settingKey`. */
export const readTwoFactorGate = (userId: string, settingKey: string) => reads().twoFactorGate(userId, settingKey);

/** Every inbox's phone number id and own app secret (null: WHATSAPP_APP_SECRET signs for it). */
export const readInboxSecrets = () => reads().inboxSecrets();

export function closeHotReads(): void {
  globalForReads.__switchboardHotReads?.close();
  globalForReads.__switchboardHotReads = undefined;
}
