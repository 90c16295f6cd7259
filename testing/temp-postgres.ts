// A throwaway PostgreSQL database for tests that run the app's code in this process: a fresh
// database on a server from testing/postgres-server.ts, migrated the way the server migrates it,
// and the environment the app requires on PostgreSQL (obviously fake secrets). Call before anything
// opens the database.
import { randomBytes } from "node:crypto";
import { migratePostgres } from "../src/server/db/migrate-postgres";
import type { PostgresServer } from "./postgres-server";

export async function usePostgresForThisProcess(server: PostgresServer): Promise<string> {
  const url = await server.createDatabase(`unit_${randomBytes(6).toString("hex")}`);
  Object.assign(process.env, {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: "test-session-secret-not-a-real-one",
    DATA_ENCRYPTION_KEY: "test-data-encryption-key-not-a-real-one",
    WHATSAPP_APP_SECRET: "test_app_secret_fake",
    WHATSAPP_VERIFY_TOKEN: "test_verify_token_fake",
  });
  await migratePostgres(url);
  return url;
}
