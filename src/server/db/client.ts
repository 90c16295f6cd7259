// 1. The database handles, one set per process, kept on globalThis: Next compiles route handlers
//    into their own module graph, and a module-level singleton would give them a second connection.
// 2. SQLite through better-sqlite3 is one connection with no isolation between callers, so writes
//    and reads get separate connections: every write goes through `transaction` (the adapter
//    serialises transactions on its connection), and `read` only ever sees committed data.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { closeDirectWriter } from "./direct-writer";
import { closeHotReads } from "./hot-reads";
import { sqliteFilePath } from "./paths";
import { env } from "../env";
import { writeLock } from "./write-lock";

export type ReadClient = Omit<PrismaClient, "$transaction">;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  read: ReadClient;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  disconnect(): Promise<void>;
}

function sqliteClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

function createDatabase(): Database {
  const url = `file:${sqliteFilePath(env().DATABASE_URL)}`;
  const writer = sqliteClient(url);
  const reader = sqliteClient(url);
  return {
    read: reader,
    // Every transaction takes the process's write lock, shared with the direct connection (./write-lock.ts).
    transaction: (work) => writeLock().runExclusive(() => writer.$transaction(work, { maxWait: 10_000, timeout: 20_000 })),
    async ping() {
      try {
        await reader.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async disconnect() {
      await Promise.all([writer.$disconnect(), reader.$disconnect()]);
    },
  };
}

const globalForDb = globalThis as typeof globalThis & { __switchboardDb?: Database };

export function db(): Database {
  globalForDb.__switchboardDb ??= createDatabase();
  return globalForDb.__switchboardDb;
}

export async function closeDb(): Promise<void> {
  closeHotReads();
  closeDirectWriter();
  const current = globalForDb.__switchboardDb;
  globalForDb.__switchboardDb = undefined;
  await current?.disconnect();
}
