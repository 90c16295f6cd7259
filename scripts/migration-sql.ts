// Writes the SQL that takes each provider's database from its last migration to the schema, as its
// next migration, and records the schema it leads to. Usage: npm run db:sql -- <name>
// prisma/schema.prisma is the one place the model is written; prisma/postgres/schema.prisma is
// derived from it first (scripts/postgres-schema.ts). Prisma's engine diffs two schema files; over
// PostgreSQL's driver adapter it wants a server to talk to, so a throwaway one is started.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listMigrations, migrationsDirOf } from "../src/server/db/migrate";
import type { Provider } from "../src/server/db/provider";
import { startPostgres } from "../testing/postgres-server";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "./postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:sql -- <name in snake_case>");
  process.exit(2);
}

function writeMigration(provider: Provider, schema: string, config: string[], env: Record<string, string>): void {
  const dir = migrationsDirOf(provider);
  fs.mkdirSync(dir, { recursive: true });
  const snapshot = path.join(dir, "schema.prisma");
  const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...config, ...from, "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`${provider}: no changes since the last migration`);
    return;
  }
  const next = String(listMigrations(provider).length + 1).padStart(4, "0");
  const target = path.join(dir, `${next}_${name}.sql`);
  fs.writeFileSync(target, sql);
  fs.copyFileSync(schema, snapshot);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

writePostgresSchema();
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-diff-"));
try {
  writeMigration("sqlite", SQLITE_SCHEMA, [], { DATABASE_URL: `file:${path.join(scratchDir, "scratch.db")}` });
} finally {
  fs.rmSync(scratchDir, { recursive: true, force: true });
}
const postgres = await startPostgres();
try {
  const scratch = await postgres.createDatabase("migration_diff");
  writeMigration("postgresql", POSTGRES_SCHEMA, ["--config", "prisma/postgres.config.ts"], { DATABASE_URL: scratch });
} finally {
  await postgres.stop();
}
