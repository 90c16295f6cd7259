// `npm run bench:search` (and the last phase of `npm run bench`): conversation search on a
// realistic history, on SQLite and on PostgreSQL. Generates one history (100,000 messages over 2,000
// conversations by default), writes it to a throwaway SQLite file and to a database on a throwaway
// PostgreSQL server, both through the real migrations, then times searchConversations on each —
// common and rare words, prefixes, several words, accents, names and numbers — and, as the
// baseline, the same text searches done with LIKE '%word%' and no index. Each database is timed in
// a process of its own (bench/search-timing.ts), one after the other. Prints a report and a final
// `BENCH_SEARCH_RESULT {...}` line for the README.
//
// Knobs: BENCH_SEARCH_MESSAGES (100000), BENCH_SEARCH_CONVERSATIONS (2000), BENCH_SEARCH_ROUNDS (20;
// the LIKE baseline does a quarter as many). Bounded: each database stops timing after
// BENCH_SEARCH_SECONDS (60).
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { migrateSqlite } from "../src/server/db/migrate";
import { migratePostgres } from "../src/server/db/migrate-postgres";
import { sqliteFilePath } from "../src/server/db/paths";
import type { Provider } from "../src/server/db/provider";
import { startPostgres, type PostgresServer } from "../testing/postgres-server";
import { machine } from "./machine";
import { generateSearchData, seedSqlite } from "./search-seed";
import { seedPostgres } from "./search-seed-postgres";
import { QUERIES, ZTiming, type Timing, type TimingOptions } from "./search-timing";
import { ms, round, roundSummary, table } from "./stats";

function knob(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

const MESSAGES = knob("BENCH_SEARCH_MESSAGES", 100_000, 1_000, 1_000_000);
const CONVERSATIONS = knob("BENCH_SEARCH_CONVERSATIONS", 2_000, 10, 20_000);
const ROUNDS = knob("BENCH_SEARCH_ROUNDS", 20, 1, 200);
const BUDGET_MS = knob("BENCH_SEARCH_SECONDS", 60, 5, 600) * 1000;
const TARGET_P99_MS = 50;
const NAMES: Record<Provider, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

interface Target {
  provider: Provider;
  /** The database and its version, for the report. */
  label: string;
  seedSeconds: number;
  databaseMiB: number;
  env: Record<string, string>;
}

/** Times the searches in a child process on the database `env` names. */
function timeIn(target: Target, options: TimingOptions): Promise<Timing> {
  // REDIS_URL emptied: the child is one process, and SQLite refuses it.
  const child = fork(path.join(import.meta.dirname, "search-timing.ts"), [JSON.stringify(options)], {
    env: { ...process.env, REDIS_URL: "", ...target.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let timing: Timing | undefined;
    child.on("message", (message) => (timing = ZTiming.parse(message)));
    child.on("exit", (code) => (code === 0 && timing ? resolve(timing) : reject(new Error(`timing on ${target.provider} exited with ${code}`))));
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
const cleanUp = async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
};

async function prepareSqlite(dir: string, seed: (url: string) => Promise<void>): Promise<Target> {
  const url = `file:${path.join(dir, "switchboard.db")}`;
  migrateSqlite(url);
  const start = performance.now();
  await seed(url);
  const seedSeconds = (performance.now() - start) / 1000;
  const files = ["switchboard.db", "switchboard.db-wal"].map((file) => path.join(dir, file)).filter((file) => fs.existsSync(file));
  const databaseMiB = files.reduce((total, file) => total + fs.statSync(file).size, 0) / 2 ** 20;
  const sqlite = new Database(sqliteFilePath(url), { readonly: true });
  const version = String(sqlite.prepare("SELECT sqlite_version()").pluck().get());
  sqlite.close();
  return { provider: "sqlite", label: `SQLite ${version}`, seedSeconds, databaseMiB, env: { DATABASE_URL: url } };
}

async function preparePostgres(server: PostgresServer, dir: string, seed: (url: string) => Promise<void>): Promise<Target> {
  const url = await server.createDatabase("switchboard_bench");
  await migratePostgres(url);
  const start = performance.now();
  await seed(url);
  const seedSeconds = (performance.now() - start) / 1000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ bytes: string; version: string }>(
    "SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version",
  );
  await client.end();
  // The secrets are the ones every process must share on PostgreSQL (env.ts); none is used here.
  const env = { DATABASE_URL: url, DATA_DIR: dir, NEXTAUTH_SECRET: "bench-only-session-secret", DATA_ENCRYPTION_KEY: "bench-only-data-encryption-key-not-a-real-one", WHATSAPP_APP_SECRET: "bench-only", WHATSAPP_VERIFY_TOKEN: "bench-only" };
  return { provider: "postgresql", label: `PostgreSQL ${rows[0]?.version ?? "?"}`, seedSeconds, databaseMiB: Number(rows[0]?.bytes ?? 0) / 2 ** 20, env };
}

async function main(): Promise<boolean> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-search-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const data = generateSearchData({ conversations: CONVERSATIONS, messages: MESSAGES, inboxes: 2 });
  const server = await startPostgres();
  cleanups.push(() => server.stop());
  const targets = [await prepareSqlite(dir, (url) => seedSqlite(url, data)), await preparePostgres(server, dir, (url) => seedPostgres(url, data))];

  const options: TimingOptions = { adminId: data.adminId, agentId: data.agentId, rounds: ROUNDS, budgetMs: BUDGET_MS };
  const timings: Timing[] = [];
  for (const target of targets) timings.push(await timeIn(target, options));
  await cleanUp();

  const host = machine();
  console.log("\nSwitchboard search benchmark");
  console.log(`${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}; load average ${host.loadAverage} (1 / 5 min); in-process, on ${targets.map((target) => target.label).join(" (a file) and ")} (on loopback), in ${os.tmpdir()}`);
  console.log(`Seeded ${MESSAGES.toLocaleString("en")} messages over ${CONVERSATIONS.toLocaleString("en")} conversations and contacts: ${targets.map((target) => `${NAMES[target.provider]} in ${target.seedSeconds.toFixed(1)} s (database ${target.databaseMiB.toFixed(0)} MiB)`).join(", ")}.`);

  console.log(`\nsearchConversations, ${ROUNDS} rounds of each query (admin: every inbox; agent: 1 of 2 inboxes);`);
  console.log("LIKE '%word%' baseline: the same text queries, newest match per conversation, no index");
  const perDatabase = ["p50", "p90", "p99", "agent p50", "LIKE p50", "LIKE p99"];
  console.log(table([
    ["kind (queries)", "results", ...targets.flatMap((target) => perDatabase.map((column, index) => (index === 0 ? `${NAMES[target.provider]} ${column}` : column)))],
    ...QUERIES.map(({ kind, queries }, index) => [
      `${kind} (${queries.length})`,
      (timings[0]?.rows[index]?.results ?? 0).toFixed(1),
      ...timings.flatMap((timing) => {
        const row = timing.rows[index];
        if (!row) return perDatabase.map(() => "");
        return [ms(row.search.p50), ms(row.search.p90), ms(row.search.p99), ms(row.agent.p50), row.like ? ms(row.like.p50) : "", row.like ? ms(row.like.p99) : ""];
      }),
    ]),
  ]));

  const [first, second] = timings;
  const differing = first && second ? Object.keys(first.found).filter((query) => first.found[query]?.join() !== second.found[query]?.join()) : [];
  console.log(`\nrare words found alike by the index and by LIKE: ${timings.map((timing, index) => `${NAMES[targets[index]!.provider]} ${timing.disagreements.length === 0 ? "yes" : `NO (${timing.disagreements.join("; ")})`}`).join(", ")}`);
  console.log(`both databases found the same conversations in the same order: ${differing.length === 0 ? "yes" : `NO, for ${differing.map((query) => JSON.stringify(query)).join(", ")}`}`);
  for (const [index, timing] of timings.entries()) {
    const name = NAMES[targets[index]!.provider];
    const overall = timing.everySearch;
    const worstP99 = Math.max(...timing.rows.map((row) => row.search.p99));
    console.log(`${name}: all searches ${overall.count}, p50 ${ms(overall.p50)}, p90 ${ms(overall.p90)}, p99 ${ms(overall.p99)}, max ${ms(overall.max)}; p99 of every kind ≤ ${TARGET_P99_MS} ms: ${worstP99 <= TARGET_P99_MS ? "met" : "MISSED"} (worst ${ms(worstP99)})`);
    if (timing.stoppedEarly) console.log(`${name}: stopped timing after ${BUDGET_MS / 1000} s; later kinds have fewer rounds`);
  }
  console.log(`benchmark wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const result = {
    date: new Date().toISOString(),
    machine: host,
    messages: MESSAGES,
    conversations: CONVERSATIONS,
    sameResults: differing.length === 0,
    databases: targets.map((target, index) => {
      const timing = timings[index]!;
      return {
        provider: target.provider,
        seedSeconds: round(target.seedSeconds),
        databaseMiB: round(target.databaseMiB, 0),
        kinds: timing.rows.map((row) => ({
          kind: row.kind,
          results: round(row.results),
          searchMs: roundSummary(row.search),
          agentMs: roundSummary(row.agent),
          likeMs: row.like ? roundSummary(row.like) : null,
        })),
        stoppedEarly: timing.stoppedEarly,
        agreesWithLike: timing.disagreements.length === 0,
      };
    }),
  };
  console.log(`BENCH_SEARCH_RESULT ${JSON.stringify(result)}`);
  // Like bench/run.ts, only a wrong answer fails the run; a missed aim is reported above.
  return timings.every((timing) => timing.disagreements.length === 0) && differing.length === 0;
}

const watchdog = setTimeout(() => {
  console.error("search benchmark did not finish in 15 minutes; stopping");
  void cleanUp().finally(() => process.exit(1));
}, 15 * 60_000);
watchdog.unref();

main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch(async (error: unknown) => {
    console.error("search benchmark failed:", error);
    await cleanUp();
    process.exit(1);
  });
