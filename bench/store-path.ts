// `npm run bench:store`: the webhook's store path on SQLite without HTTP — deliveries stored through
// ingestDelivery (the route's own transaction, grouped commits and all), BENCH_STORE_SENDERS at a
// time, on a throwaway database file. Rounds alternate: on the store thread, as the server stores
// them (src/server/whatsapp/store-thread/); and on this thread's own connection, with the writers'
// settings (src/server/db/sqlite-pragmas.ts) as configured and with each of them undone, for the
// measurement only, so every figure has its baseline in the same run. Prints deliveries per second
// and, for the rounds on this thread, the time of each statement per delivery, which is where a
// profile of the route points when the store is slow. About a minute.
//
// Knobs: BENCH_STORE_SENDERS (16), BENCH_STORE_SECONDS (4 per round), BENCH_STORE_ROUNDS (2 of each).
import { performance } from "node:perf_hooks";
import { createTempDatabase } from "../testing/temp-db";
import type { Sql, SqlValue } from "../src/server/db/sql";
import { WRITER_PRAGMAS } from "../src/server/db/sqlite-pragmas";
import { knob } from "./knobs";
import { machine } from "./machine";
import { prepareStoreRounds } from "./load/store-rounds";
import { ms, table } from "./stats";

const SENDERS = knob("BENCH_STORE_SENDERS", 16, 1, 64);
const SECONDS = knob("BENCH_STORE_SECONDS", 4, 1, 60);
const ROUNDS = knob("BENCH_STORE_ROUNDS", 2, 1, 10);
const CONTACTS = 200;
const TOP_STATEMENTS = 8;

/**
 * Where each variant commits; on this thread, it applies the writers' settings first, then undoes
 * one of them (the store thread's connection keeps them as configured).
 */
const VARIANTS = [
  { name: "on the store thread, as the server does", place: "store thread", undo: null },
  { name: "on this thread, as configured", place: "this thread", undo: null },
  { name: "this thread, undo in a temporary file (temp_store = FILE)", place: "this thread", undo: "temp_store = FILE" },
  { name: "this thread, commits not synced (synchronous = NORMAL)", place: "this thread", undo: "synchronous = NORMAL" },
] as const;

/** Time spent in each statement's text, summed over the current round. */
let times = new Map<string, number>();
const note = (text: string, started: number) => times.set(text, (times.get(text) ?? 0) + performance.now() - started);

function timed(sql: Sql): Sql {
  return {
    ...sql,
    all: <T>(text: string, ...params: SqlValue[]) => {
      const started = performance.now();
      const rows = sql.all<T>(text, ...params);
      note(text, started);
      return rows;
    },
    run: (text, ...params) => {
      const started = performance.now();
      const done = sql.run(text, ...params);
      note(text, started);
      return done;
    },
  };
}

async function main() {
  createTempDatabase();
  const { directWriter } = await import("../src/server/db/direct-writer");
  const { commitOn } = await import("../src/server/whatsapp/store-thread/queue");
  const rounds = await prepareStoreRounds({ senders: SENDERS, seconds: SECONDS, contacts: CONTACTS, label: "Store Bench" });

  const writer = directWriter();
  const exec = writer.exec;
  writer.sql = timed(writer.sql);
  writer.exec = (text) => {
    const started = performance.now();
    const result = exec(text);
    note(text, started);
    return result;
  };

  const round = async () => {
    times = new Map();
    return { ...(await rounds.round()), times };
  };

  console.log(`The webhook's store path on SQLite: ${SENDERS} deliveries at a time, ${ROUNDS} rounds of ${SECONDS} s per setting`);
  console.log(table([["machine", "value"], ...Object.entries(machine()).map(([key, value]) => [key, String(value)])]));
  // Warm-up on each side: statements prepared, contacts and conversations made, the thread started.
  for (const place of ["store thread", "this thread"] as const) {
    commitOn(place);
    await round();
  }
  const rows: string[][] = [["round", "deliveries stored per second", "store p50", "store p99", "main thread per delivery"]];
  const firstRound = new Map<string, Awaited<ReturnType<typeof round>>>();
  for (let n = 1; n <= ROUNDS; n++) {
    for (const variant of VARIANTS) {
      commitOn(variant.place);
      for (const pragma of [...WRITER_PRAGMAS, ...(variant.undo ? [variant.undo] : [])]) exec(`PRAGMA ${pragma}`);
      const result = await round();
      if (!firstRound.has(variant.name)) firstRound.set(variant.name, result);
      rows.push([`${n}: ${variant.name}`, result.perSecond.toFixed(0), ms(result.store.p50), ms(result.store.p99), `${(result.mainThreadMsPerDelivery * 1000).toFixed(0)} µs`]);
    }
  }
  console.log(table(rows));

  for (const [name, result] of firstRound) {
    if (result.times.size === 0) continue; // the store thread's statements are not timed from here
    const perDelivery = [...result.times].sort((a, b) => b[1] - a[1]).slice(0, TOP_STATEMENTS);
    console.log(`\nWhere a delivery's store time went, ${name} (round 1, µs per stored delivery):`);
    console.log(table([["statement", "µs"], ...perDelivery.map(([text, total]) => [text.replace(/\s+/g, " ").slice(0, 90), ((total / result.stored) * 1000).toFixed(1)])]));
  }
  await rounds.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("the store benchmark failed:", error);
    process.exit(1);
  },
);
