// prisma/postgres/schema.prisma is derived from prisma/schema.prisma, the one place the model is
// written: the same models for the PostgreSQL provider, generating a client of its own (Prisma's
// generated client is made for one provider). `npm run db:sql` rewrites it; a unit test
// (src/server/db/schemas-in-sync.test.ts) fails when it falls behind.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.resolve(import.meta.dirname, "../prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.resolve(import.meta.dirname, "../prisma/postgres/schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: edit that file, then `npm run db:sql`.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const derived = sqliteSchema
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)= "\.\.\/src\/server\/db\/generated"/, 'output$1= "../../src/server/db/generated-pg"');
  if (!derived.includes('"postgresql"') || !derived.includes("generated-pg")) {
    throw new Error("prisma/schema.prisma no longer has the datasource or generator lines this derivation rewrites");
  }
  return HEADER + derived;
}

export function writePostgresSchema(): void {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) writePostgresSchema();
