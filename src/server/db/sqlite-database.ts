// SQLite through better-sqlite3 is one connection with no isolation between callers, so writes and
// reads get separate connections: every write goes through `transaction` (the adapter serialises
// transactions on its connection, and the process's write lock orders them with the webhook's
// direct connection, ./write-lock.ts), and `read` only ever sees committed data.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import type { Database } from "./client";
import { answers } from "./ping";
import { sqliteFilePath } from "./paths";
import { writeLock } from "./write-lock";

function sqliteClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export function createSqliteDatabase(databaseUrl: string): Database {
  const url = `file:${sqliteFilePath(databaseUrl)}`;
  const writer = sqliteClient(url);
  const reader = sqliteClient(url);
  return {
    provider: "sqlite",
    read: reader,
    transaction: (work) => writeLock().runExclusive(() => writer.$transaction(work, { maxWait: 10_000, timeout: 20_000 })),
    ping: () => answers(reader),
    async disconnect() {
      await Promise.all([writer.$disconnect(), reader.$disconnect()]);
    },
  };
}
