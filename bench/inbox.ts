// `npm run bench:inbox`: the dashboard on a big inbox. Generates a history (1,000,000 messages over
// 50,000 conversations in 5 inboxes by default, bench/search-seed.ts) and a team of 30 agents
// (bench/inbox-seed.ts), writes them into a throwaway SQLite file through the real migrations,
// then times in a process of its own (bench/inbox-timing.ts), as an admin and as an agent, the
// list's first page for each filter and a later page, the filter counts, the unread total, a
// history page, a search and marking read: p50/p90/p99, and the query plan of each.
//
// Knobs: BENCH_INBOX_MESSAGES (1000000), BENCH_INBOX_CONVERSATIONS (50000), BENCH_INBOX_INBOXES (5),
// BENCH_INBOX_AGENTS (30), BENCH_INBOX_ROUNDS (200), BENCH_INBOX_LATER_PAGE (100: the later page
// timed is this many pages of 50 deep), BENCH_INBOX_SECONDS (300: the timing stops after this),
// BENCH_INBOX_KEEP=1 (keep the database file afterwards, and say where, to look into its plans).
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrateSqlite } from "../src/server/db/migrate";
import { sqliteFilePath } from "../src/server/db/paths";
import { planTeam, seedTeamSqlite, UNREAD_ONE_IN } from "./inbox-seed";
import { knob } from "./knobs";
import { machine } from "./machine";
import { generateSearchData, seedSqlite } from "./search-seed";

const MESSAGES = knob("BENCH_INBOX_MESSAGES", 1_000_000, 1_000, 5_000_000);
const CONVERSATIONS = knob("BENCH_INBOX_CONVERSATIONS", 50_000, 100, 200_000);
const INBOXES = knob("BENCH_INBOX_INBOXES", 5, 1, 50);
const AGENTS = knob("BENCH_INBOX_AGENTS", 30, 1, 500);
const ROUNDS = knob("BENCH_INBOX_ROUNDS", 200, 5, 5_000);
const LATER_PAGE = knob("BENCH_INBOX_LATER_PAGE", 100, 1, 2_000);
const BUDGET_MS = knob("BENCH_INBOX_SECONDS", 300, 10, 3_600) * 1000;

function timeIn(file: string, url: string, options: Record<string, unknown>): Promise<void> {
  // REDIS_URL emptied: the child is one process, and SQLite refuses it.
  const child = fork(path.join(import.meta.dirname, "inbox-timing.ts"), [JSON.stringify({ file, ...options })], {
    env: { ...process.env, REDIS_URL: "", DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`timing exited with ${code}`)))));
}

async function main() {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-inbox-"));
  try {
    const url = `file:${path.join(dir, "switchboard.db")}`;
    migrateSqlite(url);
    const seedStart = performance.now();
    const data = generateSearchData({ conversations: CONVERSATIONS, messages: MESSAGES, inboxes: INBOXES });
    await seedSqlite(url, data);
    const team = planTeam(data, AGENTS);
    seedTeamSqlite(url, data, team);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const file = sqliteFilePath(url);
    const databaseMiB = [file, `${file}-wal`].filter((name) => fs.existsSync(name)).reduce((total, name) => total + fs.statSync(name).size, 0) / 2 ** 20;
    const agent = team.agents[0]!;

    const host = machine();
    console.log("\nSwitchboard big-inbox benchmark");
    console.log(`${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}; load average ${host.loadAverage} (1 / 5 min); SQLite file in ${os.tmpdir()}`);
    console.log(
      `Seeded ${MESSAGES.toLocaleString("en")} messages over ${CONVERSATIONS.toLocaleString("en")} conversations in ${INBOXES} inboxes, ` +
        `${AGENTS} agents (1 inbox each, every sixth 2), 70% resolved / 20% open / 10% pending, 1 in ${UNREAD_ONE_IN} conversations ` +
        `never opened by each person, in ${seedSeconds.toFixed(0)} s (database ${databaseMiB.toFixed(0)} MiB).`,
    );
    console.log(`The agent sees ${agent.inboxIds.length} inbox (about ${Math.round(CONVERSATIONS / INBOXES).toLocaleString("en")} conversations); the admin sees all.`);
    await timeIn(file, url, { adminId: team.adminId, agentId: agent.id, rounds: ROUNDS, budgetMs: BUDGET_MS, laterPage: LATER_PAGE });
    console.log(`benchmark wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (process.env.BENCH_INBOX_KEEP === "1") console.log(`kept the database in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("inbox benchmark failed:", error);
  process.exit(1);
});
