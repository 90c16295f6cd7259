// A test file's own throwaway PostgreSQL (testing/postgres-server.ts), migrated and made the
// app's database for this process (./temp-postgres.ts) before the file's tests, and closed and
// stopped after them. Call at the top level of the test file; the returned function gives the
// database's URL once the tests run.
import { afterAll, beforeAll } from "vitest";
import { startPostgres, type PostgresServer } from "./postgres-server";
import { usePostgresForThisProcess } from "./temp-postgres";

export function postgresForThisFile(): () => string {
  let server: PostgresServer | undefined;
  let url = "";
  beforeAll(async () => {
    server = await startPostgres();
    url = await usePostgresForThisProcess(server);
  }, 60_000);
  afterAll(async () => {
    const { closeDb } = await import("../src/server/db/client");
    await closeDb();
    await server?.stop();
  });
  return () => url;
}
