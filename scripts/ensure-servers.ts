// The integration tests on PostgreSQL and Redis start their own throwaway servers from Debian's
// packages (testing/postgres-server.ts, testing/redis-server.ts); make sure the packages are there.
import fs from "node:fs";
import { ensureDebianPackage } from "./debian-package";

const hasPostgres = () =>
  fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((version) => fs.existsSync(`/usr/lib/postgresql/${version}/bin/postgres`));
const hasRedis = () => fs.existsSync(process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server");

ensureDebianPackage("postgresql", "The tests on PostgreSQL", hasPostgres);
ensureDebianPackage("redis-server", "The tests on Redis", hasRedis);
console.log("PostgreSQL and Redis: installed");
