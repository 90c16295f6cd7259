// `npm run bench:lock`: what the event log's lock costs on PostgreSQL (src/server/events/log.ts: a
// transaction takes pg_advisory_xact_lock before its first event, so event ids become visible in
// order). Stores webhook deliveries through the app's own store path (ingestDelivery, the same
// transaction the webhook route runs; no HTTP), BENCH_LOCK_SENDERS at a time, in rounds that
// alternate with the lock and without it — without, the lock's statement is dropped from each
// transaction here, as a measurement only: the log can then skip events, which is why it exists.
// Prints deliveries per second and p50/p99 of a delivery's store, for each. About a minute.
//
// Knobs: BENCH_LOCK_SENDERS (16), BENCH_LOCK_SECONDS (5 per round), BENCH_LOCK_ROUNDS (2 of each).
import { startPostgres } from "../testing/postgres-server";
// Aliased: a name starting with "use" reads as a React hook to the linter.
import { usePostgresForThisProcess as migrateThrowawayDatabase } from "../testing/temp-postgres";
import type { Sql } from "../src/server/db/sql";
import { knob } from "./knobs";
import { machine } from "./machine";
import { prepareStoreRounds } from "./load/store-rounds";
import { ms, table } from "./stats";

const SENDERS = knob("BENCH_LOCK_SENDERS", 16, 1, 64);
const SECONDS = knob("BENCH_LOCK_SECONDS", 5, 1, 60);
const ROUNDS = knob("BENCH_LOCK_ROUNDS", 2, 1, 10);
const CONTACTS = 200;
const WATCHDOG_MS = 10 * 60_000;

const LOCK_STATEMENT = "SELECT pg_advisory_xact_lock(";

async function main() {
  const postgres = await startPostgres();
  const watchdog = setTimeout(() => {
    console.error("the lock benchmark did not finish in time; stopping");
    void postgres.stop().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  try {
    await migrateThrowawayDatabase(postgres);
    const { postgresDirect } = await import("../src/server/db/postgres-direct");
    const rounds = await prepareStoreRounds({ senders: SENDERS, seconds: SECONDS, contacts: CONTACTS, label: "Lock Bench" });

    // The pool's transactions, with the lock's statement dropped while `withoutLock` is set.
    const pool = postgresDirect();
    const transaction = pool.transaction.bind(pool);
    let withoutLock = false;
    const dropLock = (sql: Sql): Sql => ({ ...sql, run: (text, ...params) => (text.startsWith(LOCK_STATEMENT) ? Promise.resolve() : sql.run(text, ...params)) });
    pool.transaction = (work) => transaction((sql) => work(withoutLock ? dropLock(sql) : sql));

    console.log(`The event log's lock on PostgreSQL: ${SENDERS} deliveries at a time, ${ROUNDS} rounds of ${SECONDS} s each way`);
    console.log(table([["machine", "value"], ...Object.entries(machine()).map(([key, value]) => [key, String(value)])]));
    await rounds.round(); // warm-up: statements prepared, contacts and conversations made
    const rows: string[][] = [["round", "deliveries stored per second", "store p50", "store p99"]];
    for (let n = 1; n <= ROUNDS; n++) {
      for (const lock of [true, false]) {
        withoutLock = !lock;
        const result = await rounds.round();
        rows.push([`${n}: ${lock ? "with the lock" : "without it"}`, result.perSecond.toFixed(0), ms(result.store.p50), ms(result.store.p99)]);
      }
    }
    console.log(table(rows));
    await rounds.close();
  } finally {
    clearTimeout(watchdog);
    await postgres.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("the lock benchmark failed:", error);
    process.exit(1);
  },
);
