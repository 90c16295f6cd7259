// `npm run bench:reports`: the Reports page on a year of a busy team. Generates a history
// (1,000,000 messages over 50,000 conversations in 5 inboxes over 365 days by default, the big-inbox
// bench's generator) and a team of 30 agents, writes it into a throwaway SQLite file through the
// real migrations, derives the reports' rows the way migration 0019 does for an existing database
// (timed: that is the upgrade's cost), then times the report as the page asks for it — a year, 30
// days, one inbox, one agent — against a baseline it runs in the same process: the same figures
// computed straight from the messages, as a design without the write path's rows must.
//
// Knobs: BENCH_REPORTS_MESSAGES (1000000), BENCH_REPORTS_CONVERSATIONS (50000), BENCH_REPORTS_ROUNDS
// (30), BENCH_REPORTS_BASELINE_ROUNDS (3), BENCH_REPORTS_SECONDS (240: timing stops after this).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { migrateSqlite } from "../src/server/db/migrate";
import { sqliteFilePath } from "../src/server/db/paths";
import type { TReportQuery } from "../src/shared/reports";
import { planTeam, seedTeamSqlite } from "./inbox-seed";
import { knob } from "./knobs";
import { machine } from "./machine";
import { generateSearchData, seedSqlite } from "./search-seed";
import { ms, summarize, table } from "./stats";

const MESSAGES = knob("BENCH_REPORTS_MESSAGES", 1_000_000, 1_000, 5_000_000);
const CONVERSATIONS = knob("BENCH_REPORTS_CONVERSATIONS", 50_000, 100, 200_000);
const ROUNDS = knob("BENCH_REPORTS_ROUNDS", 30, 3, 1_000);
const BASELINE_ROUNDS = knob("BENCH_REPORTS_BASELINE_ROUNDS", 3, 1, 50);
const BUDGET_MS = knob("BENCH_REPORTS_SECONDS", 240, 10, 3_600) * 1000;
const DAYS = 365;

/** The backfill statements of migration 0019: how an existing database gets its reports' rows. */
function backfillSql(): string {
  const migration = fs.readFileSync(path.join(import.meta.dirname, "../prisma/migrations/sqlite/0019_reports.sql"), "utf8");
  return migration.slice(migration.indexOf("-- Backfill"));
}

async function timed(rounds: number, deadline: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds && performance.now() < deadline; round++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

/** The year's figures from the messages themselves: per-hour counts and first replies by scanning. */
function baselineFromMessages(sqlite: Database.Database, start: string, end: string): void {
  sqlite
    .prepare(
      `SELECT substr(m."timestamp", 1, 13) AS "hour", SUM(m."direction" = 'inbound'), SUM(m."direction" = 'outbound')
         FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
        WHERE m."timestamp" >= ? AND m."timestamp" < ? AND m."direction" IN ('inbound', 'outbound') GROUP BY 1`,
    )
    .all(start, end);
  sqlite
    .prepare(
      `SELECT "v" FROM (
         SELECT (julianday(f."firstReplyAt") - julianday(f."firstInboundAt")) * 86400 AS "v",
                ROW_NUMBER() OVER (ORDER BY (julianday(f."firstReplyAt") - julianday(f."firstInboundAt"))) AS "rn", COUNT(*) OVER () AS "n"
           FROM (
             SELECT i."firstInboundAt",
                    (SELECT MIN(o."timestamp") FROM "Message" o WHERE o."conversationId" = i."conversationId" AND o."direction" = 'outbound' AND o."timestamp" >= i."firstInboundAt") AS "firstReplyAt"
               FROM (SELECT "conversationId", MIN("timestamp") AS "firstInboundAt" FROM "Message" WHERE "direction" = 'inbound' GROUP BY "conversationId") i
           ) f
          WHERE f."firstReplyAt" >= ? AND f."firstReplyAt" < ?
       ) ranked WHERE "rn" = ("n" * 50 + 99) / 100 OR "rn" = ("n" * 90 + 99) / 100`,
    )
    .all(start, end);
}

async function main() {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-reports-"));
  try {
    const url = `file:${path.join(dir, "switchboard.db")}`;
    migrateSqlite(url);
    const seedStart = performance.now();
    const data = generateSearchData({ conversations: CONVERSATIONS, messages: MESSAGES, inboxes: 5, days: DAYS });
    await seedSqlite(url, data);
    const team = planTeam(data, 30);
    seedTeamSqlite(url, data, team);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const sqlite = new Database(sqliteFilePath(url));
    const backfillStart = performance.now();
    sqlite.exec(backfillSql());
    const backfillSeconds = (performance.now() - backfillStart) / 1000;
    const count = (table: string) => (sqlite.prepare(`SELECT COUNT(*) AS "n" FROM "${table}"`).get() as { n: number }).n;
    const spans = count("ConversationSpan");
    const hours = count("MessageHour");

    // The app's own report code, on this file (its env is read on first use).
    process.env.DATABASE_URL = url;
    process.env.REDIS_URL = "";
    const { buildReport } = await import("../src/server/reports/query");
    const admin = { id: data.adminId, email: "bench-admin@example.com", name: "Bench Admin", role: "admin" as const };
    const agent = team.agents[0]!;
    const agentUser = { id: agent.id, email: "bench-agent@example.com", name: "Bench Agent", role: "agent" as const };
    const lastDay = "2026-05-31";
    const year: TReportQuery = { from: "2025-06-01", to: lastDay, timeZone: "America/Sao_Paulo" };
    const month: TReportQuery = { from: "2026-05-02", to: lastDay, timeZone: "America/Sao_Paulo" };
    const deadline = performance.now() + BUDGET_MS;
    const adminAccess = { userId: admin.id, inboxIds: "all" as const };
    const agentAccess = { userId: agent.id, inboxIds: new Set(agent.inboxIds) };

    await buildReport(admin, adminAccess, year); // warm: the first query opens the connection
    const cases: [string, () => Promise<unknown>][] = [
      ["admin, a year, every inbox (with the split by 30 agents)", () => buildReport(admin, adminAccess, year)],
      ["admin, 30 days, every inbox", () => buildReport(admin, adminAccess, month)],
      ["admin, a year, one inbox", () => buildReport(admin, adminAccess, { ...year, inboxId: data.inboxIds[0]! })],
      ["agent, a year, their own", () => buildReport(agentUser, agentAccess, year)],
    ];
    const rows: string[][] = [["report", "rounds", "p50", "p90", "max"]];
    let yearP50 = 0;
    for (const [name, run] of cases) {
      const summary = summarize(await timed(ROUNDS, deadline, run));
      if (!yearP50) yearP50 = summary.p50;
      rows.push([name, String(summary.count), ms(summary.p50), ms(summary.p90), ms(summary.max)]);
    }
    const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
    const baseline = summarize(
      await timed(BASELINE_ROUNDS, deadline + 60_000, () => baselineFromMessages(sqlite, iso(new Date("2025-06-01T03:00:00Z")), iso(new Date("2026-06-01T03:00:00Z")))),
    );
    rows.push(["baseline: a year's hours and first replies from the messages", String(baseline.count), ms(baseline.p50), ms(baseline.p90), ms(baseline.max)]);
    sqlite.close();

    const host = machine();
    console.log("\nSwitchboard reports benchmark");
    console.log(`${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}; load average ${host.loadAverage} (1 / 5 min); SQLite file in ${os.tmpdir()}`);
    console.log(
      `Seeded ${MESSAGES.toLocaleString("en")} messages over ${CONVERSATIONS.toLocaleString("en")} conversations in 5 inboxes over ${DAYS} days, ` +
        `30 agents, in ${seedSeconds.toFixed(0)} s. Migration 0019's backfill: ${spans.toLocaleString("en")} spans and ` +
        `${hours.toLocaleString("en")} inbox-person-hours in ${backfillSeconds.toFixed(1)} s.`,
    );
    console.log(table(rows));
    console.log(`A year's report (admin, every inbox) is ${(baseline.p50 / yearP50).toFixed(0)}× faster than the baseline's part of it.`);
    console.log(`benchmark wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("reports benchmark failed:", error);
    process.exit(1);
  },
);
