// Records the SQL statements the app runs on SQLite, with their parameters, so the benchmark can
// print the query plan of exactly what Prisma and the app's own SQL sent. Patches better-sqlite3's
// Statement in this process (the driver adapter and the app's direct connections share it); a
// benchmark-only tool, loaded before the app's database modules.
import Database from "better-sqlite3";

export interface RanStatement {
  sql: string;
  params: unknown[];
}

let recording: RanStatement[] | null = null;

type Run = (...params: unknown[]) => unknown;

function install(): void {
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Run>;
  probe.close();
  // The driver adapter binds first and runs without parameters; the app's own SQL passes them to the run.
  const bound = new WeakMap<object, unknown[]>();
  const bind = statementPrototype.bind!;
  statementPrototype.bind = function (this: object, ...params: unknown[]) {
    bound.set(this, params);
    return bind.apply(this, params);
  };
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = statementPrototype[method]!;
    statementPrototype[method] = function (this: { source: string }, ...params: unknown[]) {
      recording?.push({ sql: this.source, params: params.length > 0 ? params : (bound.get(this) ?? []) });
      return original.apply(this, params);
    };
  }
}
install();

/** The statements `work` ran, in order. */
export async function recordStatements(work: () => Promise<unknown>): Promise<RanStatement[]> {
  recording = [];
  try {
    await work();
    return recording;
  } finally {
    recording = null;
  }
}

/** The SQL without what makes it long and says nothing about the plan: column lists and placeholder runs. */
function shorten(sql: string): string {
  return sql
    .replace(/\s+/g, " ")
    .replace(/`main`\./g, "")
    .replace(/SELECT (`\w+`\.`[\w$]+`(?: AS `[\w$]+`)?, )+`\w+`\.`[\w$]+` FROM/g, "SELECT … FROM")
    .replace(/\((\?, ?){3,}\?\)/g, (list) => `(${list.split("?").length - 1} values)`)
    .trim();
}

const PLANNED = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

/** EXPLAIN QUERY PLAN of each data statement, as an indented tree under its SQL. */
export function explain(file: string, statements: RanStatement[]): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return statements
      .filter((statement) => PLANNED.test(statement.sql))
      .map(({ sql, params }) => {
        const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
        const depth = new Map<number, number>([[0, 0]]);
        const lines = rows.map((row) => {
          const level = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, level);
          return `${"  ".repeat(level)}${row.detail}`;
        });
        return [`  ${shorten(sql)}`, ...lines].join("\n");
      });
  } finally {
    sqlite.close();
  }
}
