// Vitest's global setup for the integration tests: on a PostgreSQL run, one throwaway PostgreSQL
// and one Redis server for the whole run (each test server makes its own database on it), stopped
// at the end. On a SQLite run, nothing.
import { startPostgres } from "./postgres-server";
import { startRedis } from "./redis-server";
import { POSTGRES_ADMIN_URL_VAR, REDIS_URL_VAR, testsOnPostgres } from "./test-database";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!testsOnPostgres()) return undefined;
  const postgres = await startPostgres();
  const redis = await startRedis();
  process.env[POSTGRES_ADMIN_URL_VAR] = postgres.adminUrl;
  process.env[REDIS_URL_VAR] = redis.url;
  return async () => {
    await redis.stop();
    await postgres.stop();
  };
}
