// Prisma CLI configuration for the PostgreSQL schema (prisma/postgres/schema.prisma), the twin of
// prisma.config.ts: engine "js" over the pg driver adapter needs nothing but npm packages.
// `prisma generate` and `prisma migrate diff` between schema files never connect.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const databaseUrl = (process.env.DATABASE_URL ||= "postgresql://localhost:5432/switchboard");

export default defineConfig({
  schema: "postgres/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: databaseUrl }),
});
