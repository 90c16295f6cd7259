// Writes the SQL that takes the database from the last migration to prisma/schema.prisma, as the
// next migration, and records the schema it leads to. Usage: npm run db:sql -- <name>
// (Prisma's engine diffs two schema files offline; diffing against a live database needs its
// native engine, which this project does not download.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { listMigrations, migrationsDir } from "../src/server/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:sql -- <name in snake_case>");
  process.exit(2);
}

const schema = "prisma/schema.prisma";
const snapshot = path.join(migrationsDir, "schema.prisma");
const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { encoding: "utf8" },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
  console.log("prisma/schema.prisma has no changes since the last migration");
  process.exit(0);
}

const next = String(listMigrations().length + 1).padStart(4, "0");
const target = path.join(migrationsDir, `${next}_${name}.sql`);
fs.writeFileSync(target, sql);
fs.copyFileSync(schema, snapshot);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
