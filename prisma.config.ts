// Prisma CLI configuration. engine "js" runs the schema engine in JavaScript over a driver adapter,
// so `prisma generate` and `prisma migrate diff` need nothing but npm packages.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema reads DATABASE_URL; give it the app's default so CLI commands work without one.
const databaseUrl = (process.env.DATABASE_URL ??= "file:./data/switchboard.db");

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl }),
});
