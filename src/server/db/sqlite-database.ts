// SQLite through better-sqlite3 is one connection with no isolation between callers, so writes and
// reads get separate connections: every write goes through `transaction` (the adapter serialises
// transactions on its connection, and the process's write lock orders them with the webhook's
// direct connection, ./write-lock.ts), and `read` only ever sees committed data.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import type { Database } from "./client";
import { answers } from "./ping";
import { sqliteFilePath } from "./paths";
import { WRITER_PRAGMA_SCRIPT } from "./sqlite-pragmas";
import { writeLock } from "./write-lock";

/** Prisma's adapter, with the writers' settings applied to its connection as it opens. */
class SqliteWriterAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(WRITER_PRAGMA_SCRIPT);
    return adapter;
  }
}

function sqliteClient(url: string, role: "writer" | "reader"): PrismaClient {
  const config = { url, timeout: 10_000 };
  const adapter = role === "writer" ? new SqliteWriterAdapter(config) : new PrismaBetterSQLite3(config);
  return new PrismaClient({ adapter });
}

export function createSqliteDatabase(databaseUrl: string): Database {
  const url = `file:${sqliteFilePath(databaseUrl)}`;
  const writer = sqliteClient(url, "writer");
  const reader = sqliteClient(url, "reader");
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
