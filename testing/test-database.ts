// Which database the integration tests run against: SQLite (the default), or PostgreSQL with a
// Redis bus when SWITCHBOARD_TEST_DATABASE=postgresql. Then testing/global-services.ts has started
// one throwaway PostgreSQL and one Redis server for the run, and every test server gets a database
// of its own on it and channels of its own on Redis.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/server/db/generated/client";
import { PrismaClient as PostgresPrismaClient } from "../src/server/db/generated-pg/client";
import { createDatabaseOn } from "./postgres-server";

export const POSTGRES_ADMIN_URL_VAR = "SWITCHBOARD_TEST_POSTGRES_URL";
export const REDIS_URL_VAR = "SWITCHBOARD_TEST_REDIS_URL";

export const testsOnPostgres = (): boolean => process.env.SWITCHBOARD_TEST_DATABASE === "postgresql";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the integration tests through vitest (testing/global-services.ts starts the servers)`);
  return value;
}

/** A fresh, empty PostgreSQL database on the run's server. */
export function createPostgresDatabase(): Promise<string> {
  return createDatabaseOn(required(POSTGRES_ADMIN_URL_VAR), `switchboard_${randomBytes(6).toString("hex")}`);
}

/** The database (and, on PostgreSQL, bus) settings for a test server whose files live in `dataDir`. */
export async function serverDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (!testsOnPostgres()) return { DATABASE_URL: `file:${path.join(dataDir, "switchboard.db")}` };
  return {
    DATABASE_URL: await createPostgresDatabase(),
    REDIS_URL: required(REDIS_URL_VAR),
    REDIS_PREFIX: `test-${randomBytes(6).toString("hex")}`,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: `test-session-secret-${randomBytes(12).toString("hex")}`,
    DATA_ENCRYPTION_KEY: `test-data-key-${randomBytes(16).toString("hex")}`,
  };
}

/** A Prisma client on a test server's database, for the few setups no endpoint offers. */
export function prismaFor(databaseUrl: string): PrismaClient {
  if (databaseUrl.startsWith("file:")) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  // Same models, generated for the other provider (see src/server/db/postgres-database.ts).
  return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as PrismaClient;
}
