// PostgreSQL through Prisma's pg driver adapter: one pool per process, isolated transactions, so
// reads and writes share it and no process-wide write lock is needed. Every process on the same
// database is a peer; what must be ordered across them (the event log) takes its own lock.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import type { PrismaClient } from "./generated/client";
import type { Database } from "./client";
import { answers } from "./ping";

/**
 * Columns are `timestamp` (without time zone, as Prisma makes them): every session works in UTC,
 * so CURRENT_TIMESTAMP defaults and the values written are UTC whatever the server's time zone.
 */
export const UTC_SESSION = "-c TimeZone=UTC";

/**
 * Connections per process, besides the hot paths' own (./postgres-direct.ts); several processes share
 * the server's max_connections (100 by default).
 */
const POOL_SIZE = 10;

export function createPostgresDatabase(databaseUrl: string): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 10_000, options: UTC_SESSION });
  // Both clients are generated from the same models (scripts/postgres-schema.ts); the app is typed
  // against the SQLite one, and the PostgreSQL one has the same shape for everything it uses.
  const client = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  return {
    provider: "postgresql",
    read: client,
    transaction: (work) => client.$transaction(work, { maxWait: 10_000, timeout: 20_000 }),
    ping: () => answers(client),
    disconnect: () => client.$disconnect(),
  };
}
