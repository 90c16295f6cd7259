// 1. The database handles, one set per process, kept on globalThis: Next compiles route handlers
//    into their own module graph, and a module-level singleton would give them a second connection.
// 2. One interface over both providers (./sqlite-database.ts, ./postgres-database.ts): `read` for
//    queries, `transaction` for every write.
import type { PrismaClient } from "./generated/client";
import { closeDirectWriter } from "./direct-writer";
import { closeStoreThread } from "../whatsapp/store-thread/client";
import { closeHotReads } from "./hot-reads";
import { closePostgresDirect } from "./postgres-direct";
import { env } from "../env";
import { createPostgresDatabase } from "./postgres-database";
import { providerOf, type Provider } from "./provider";
import { createSqliteDatabase } from "./sqlite-database";

export type ReadClient = Omit<PrismaClient, "$transaction">;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  provider: Provider;
  read: ReadClient;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  disconnect(): Promise<void>;
}

function createDatabase(): Database {
  const url = env().DATABASE_URL;
  return providerOf(url) === "postgresql" ? createPostgresDatabase(url) : createSqliteDatabase(url);
}

const globalForDb = globalThis as typeof globalThis & { __switchboardDb?: Database };

export function db(): Database {
  globalForDb.__switchboardDb ??= createDatabase();
  return globalForDb.__switchboardDb;
}

export async function closeDb(): Promise<void> {
  closeHotReads();
  closeDirectWriter();
  await closeStoreThread();
  await closePostgresDirect();
  const current = globalForDb.__switchboardDb;
  globalForDb.__switchboardDb = undefined;
  await current?.disconnect();
}
