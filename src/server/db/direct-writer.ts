// The webhook's hot path writes through its own better-sqlite3 connection with prepared statements
// kept for reuse, opened on the store thread (../whatsapp/store-thread/). A CPU profile of
// sustained webhooks showed Prisma's client (compiling a query plan for every raw statement) as
// half of the server's time. Dates are stored the way Prisma
// stores them, so both read each other's rows.
import Database from "better-sqlite3";
import { env } from "../env";
import { sqliteFilePath } from "./paths";
import { WRITER_PRAGMAS } from "./sqlite-pragmas";
import type { Sql, SqlValue } from "./sql";

const toParam = (value: SqlValue): string | number | bigint | null =>
  value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? (value ? 1 : 0) : value;

export function openDirectWriter(file: string) {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
  for (const pragma of WRITER_PRAGMAS) sqlite.pragma(pragma);
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let prepared = statements.get(text);
    if (!prepared) statements.set(text, (prepared = sqlite.prepare(text)));
    return prepared;
  };

  const sql: Sql = {
    provider: "sqlite",
    all: <T>(text: string, ...params: SqlValue[]) => Promise.resolve(statement(text).all(...params.map(toParam)) as T[]),
    run: (text, ...params) => {
      statement(text).run(...params.map(toParam));
      return Promise.resolve();
    },
  };

  return {
    sql,
    exec: (text: string) => sqlite.exec(text),
    close: () => sqlite.close(),
  };
}

export type DirectWriter = ReturnType<typeof openDirectWriter>;

const globalForWriter = globalThis as typeof globalThis & { __switchboardDirectWriter?: DirectWriter };

/** One on this thread, on the configured database: for tools and tests that write as the store thread does. */
export function directWriter(): DirectWriter {
  globalForWriter.__switchboardDirectWriter ??= openDirectWriter(sqliteFilePath(env().DATABASE_URL));
  return globalForWriter.__switchboardDirectWriter;
}

export function closeDirectWriter(): void {
  globalForWriter.__switchboardDirectWriter?.close();
  globalForWriter.__switchboardDirectWriter = undefined;
}
