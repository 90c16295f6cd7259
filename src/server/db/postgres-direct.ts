// The hot paths on PostgreSQL — the webhook's writes and the reads every request and socket makes
// (./hot-reads.ts) — through a small pg pool of their own, with statements prepared once per
// connection. A CPU profile of sustained webhooks on PostgreSQL showed Prisma's client and its
// query compiler as a third of the web process's time (about 10 ms of CPU per webhook); these
// statements are plain SQL already (./sql.ts), so Prisma added nothing but that cost. The same
// role as ./direct-writer.ts on SQLite; every other query still goes through Prisma.
import pg from "pg";
import { env } from "../env";
import { logger } from "../logger";
import { UTC_SESSION } from "./postgres-database";
import { toNumberedPlaceholders, type Sql, type SqlValue } from "./sql";

/**
 * Connections per process: webhook transactions queue on the event log's lock anyway
 * (events/log.ts), and reads of the log (live/replay.ts) should rarely wait behind them.
 */
const POOL_SIZE = 6;
/** A transaction left open (a stalled process) releases its locks after this long. */
const IDLE_IN_TRANSACTION_MS = 20_000;
/** Distinct statements prepared per connection; past it (SQL built at run time), statements run unnamed. */
const MAX_PREPARED = 500;

/**
 * Columns are `timestamp` without a zone holding UTC (postgres-database.ts), so they are read and
 * written as UTC whatever this process's own zone: pg would use the local zone for both.
 */
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const parseUtc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
// A count or an id, as Prisma reads it back: a number, or a bigint past 2^53.
const parseInt8 = (text: string) => {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
};
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_OID) return parseUtc;
    if (oid === INT8_OID) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

const toParam = (value: SqlValue): string | number | boolean | null => {
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  if (typeof value === "bigint") return value.toString();
  return value;
};

const names = new Map<string, string>();
function queryOf(text: string, params: SqlValue[]): pg.QueryConfig {
  const numbered = toNumberedPlaceholders(text);
  let name = names.get(numbered);
  if (name === undefined && names.size < MAX_PREPARED) names.set(numbered, (name = `switchboard_${names.size + 1}`));
  return { name, text: numbered, values: params.map(toParam) };
}

const sqlOver = (client: pg.Pool | pg.PoolClient): Sql => ({
  provider: "postgresql",
  all: async <T>(text: string, ...params: SqlValue[]) => (await client.query(queryOf(text, params))).rows as T[],
  run: async (text, ...params) => {
    await client.query(queryOf(text, params));
  },
});

function createPostgresDirect(databaseUrl: string) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    options: `${UTC_SESSION} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
    types,
  });
  // An idle connection the server dropped: the pool replaces it; without a listener it would throw.
  pool.on("error", (error) => logger.warn("an idle PostgreSQL connection of the hot paths failed", { error: String(error) }));

  return {
    /** Reads outside a transaction. */
    sql: sqlOver(pool),
    /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
    async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await work(sqlOver(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackFailed: unknown) => {
          // A connection that cannot roll back is not given to the next transaction.
          broken = rollbackFailed instanceof Error ? rollbackFailed : new Error(String(rollbackFailed));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

export type PostgresDirect = ReturnType<typeof createPostgresDirect>;

const globalForDirect = globalThis as typeof globalThis & { __switchboardPostgresDirect?: PostgresDirect };

/** The process's pool for the hot paths (the app's DATABASE_URL must be PostgreSQL). */
export function postgresDirect(): PostgresDirect {
  globalForDirect.__switchboardPostgresDirect ??= createPostgresDirect(env().DATABASE_URL);
  return globalForDirect.__switchboardPostgresDirect;
}

export async function closePostgresDirect(): Promise<void> {
  const current = globalForDirect.__switchboardPostgresDirect;
  globalForDirect.__switchboardPostgresDirect = undefined;
  await current?.close();
}
