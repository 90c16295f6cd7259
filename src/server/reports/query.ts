// The Reports page's figures, in SQL both databases run, over the rows kept on the write path
// (./record.ts): conversation spans by the time they opened, got their first reply or were
// resolved (each column indexed), and message counts per hour. A year of a busy inbox is a few
// hundred thousand spans and at most 8,784 hours per inbox and person: see bench/reports.ts.
import type { TAgentRow, TDurationStats, TReport, TReportQuery } from "@/shared/reports";
import { toDate, type Sql, type SqlValue } from "../db/sql";
import { readSql } from "../db/prisma-sql";
import { db } from "../db/client";
import { daysOf, localSlots, rangeOf, type ReportRange } from "./range";
import { reportScope, scopeFilter, type ReportScope } from "./scope";
import type { Access } from "../services/access";
import type { SessionUser } from "../auth/session-user";

/** A WHERE fragment, starting with AND, and its parameters. */
interface Filter {
  sql: string;
  params: SqlValue[];
}

const spanFilter = (scope: ReportScope): Filter => scopeFilter(scope, { inbox: `"inboxId"`, person: `"assigneeId"` });

const toNumber = (value: number | bigint | string): number => Number(value);

/** How many spans have `timeColumn` in the range, per assignee ("" for nobody). */
async function countsByAssignee(sql: Sql, timeColumn: string, range: ReportRange, filter: Filter): Promise<Map<string, number>> {
  const rows = await sql.all<{ key: string; n: number | bigint }>(
    `SELECT COALESCE("assigneeId", '') AS "key", COUNT(*) AS "n" FROM "ConversationSpan"
      WHERE "${timeColumn}" >= ? AND "${timeColumn}" < ?${filter.sql} GROUP BY COALESCE("assigneeId", '')`,
    range.start,
    range.end,
    ...filter.params,
  );
  return new Map(rows.map((row) => [row.key, toNumber(row.n)]));
}

const NOTHING_MEASURED: TDurationStats = { count: 0, median: null, p90: null };

/**
 * Median and p90 by nearest rank (the value at rank ⌈p·n⌉), with window functions: one sort of the
 * range's values, overall ("" key) or per assignee.
 */
async function durationStats(
  sql: Sql,
  column: "firstResponseSeconds" | "resolutionSeconds",
  timeColumn: "firstReplyAt" | "resolvedAt",
  range: ReportRange,
  filter: Filter,
  perAssignee: boolean,
): Promise<Map<string, TDurationStats>> {
  const partition = perAssignee ? `PARTITION BY COALESCE("assigneeId", '')` : "";
  const rows = await sql.all<{ key: string; rn: number | bigint; n: number | bigint; v: number | bigint }>(
    `SELECT "key", "rn", "n", "v" FROM (
       SELECT ${perAssignee ? `COALESCE("assigneeId", '')` : `''`} AS "key", "${column}" AS "v",
              ROW_NUMBER() OVER (${partition} ORDER BY "${column}") AS "rn",
              COUNT(*) OVER (${partition}) AS "n"
         FROM "ConversationSpan"
        WHERE "${timeColumn}" >= ? AND "${timeColumn}" < ? AND "${column}" IS NOT NULL${filter.sql}
     ) ranked
     WHERE "rn" = ("n" * 50 + 99) / 100 OR "rn" = ("n" * 90 + 99) / 100`,
    range.start,
    range.end,
    ...filter.params,
  );
  const stats = new Map<string, TDurationStats>();
  for (const row of rows) {
    const n = toNumber(row.n);
    const rank = toNumber(row.rn);
    const entry = stats.get(row.key) ?? { count: n, median: null, p90: null };
    if (rank === Math.ceil(n * 0.5)) entry.median = toNumber(row.v);
    if (rank === Math.ceil(n * 0.9)) entry.p90 = toNumber(row.v);
    stats.set(row.key, entry);
  }
  return stats;
}

/** Messages per hour in the range, summed over the scope's inboxes and people. */
async function messagesByHour(sql: Sql, range: ReportRange, scope: ReportScope) {
  const filter = scopeFilter(scope, { inbox: `"inboxId"`, person: `"userId"` });
  const rows = await sql.all<{ hour: Date | string; inbound: number | bigint; outbound: number | bigint }>(
    `SELECT "hour", SUM("inbound") AS "inbound", SUM("outbound") AS "outbound" FROM "MessageHour"
      WHERE "hour" >= ? AND "hour" < ?${filter.sql} GROUP BY "hour"`,
    range.start,
    range.end,
    ...filter.params,
  );
  return rows.map((row) => ({ hour: toDate(row.hour), inbound: toNumber(row.inbound), outbound: toNumber(row.outbound) }));
}

const sum = (counts: Map<string, number>): number => [...counts.values()].reduce((total, n) => total + n, 0);

export async function buildReport(user: SessionUser, access: Access, query: TReportQuery): Promise<TReport> {
  const scope = reportScope(user, access, query);
  const range = rangeOf(query);
  const filter = spanFilter(scope);
  const sql = readSql();
  const perAgent = scope.agentId === null && user.role === "admin";

  const [opened, resolved, firstResponse, resolution, hours] = await Promise.all([
    countsByAssignee(sql, "openedAt", range, filter),
    countsByAssignee(sql, "resolvedAt", range, filter),
    durationStats(sql, "firstResponseSeconds", "firstReplyAt", range, filter, false),
    durationStats(sql, "resolutionSeconds", "resolvedAt", range, filter, false),
    messagesByHour(sql, range, scope),
  ]);

  const days = new Map(daysOf(query).map((day) => [day, { day, inbound: 0, outbound: 0 }]));
  const busiestHours = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const slotOf = localSlots(range.timeZone);
  for (const { hour, inbound, outbound } of hours) {
    const slot = slotOf(hour);
    const day = days.get(slot.day);
    if (day) {
      day.inbound += inbound;
      day.outbound += outbound;
    }
    busiestHours[slot.weekday]![slot.hour]! += inbound;
  }

  return {
    opened: sum(opened),
    resolved: sum(resolved),
    firstResponse: firstResponse.get("") ?? NOTHING_MEASURED,
    resolution: resolution.get("") ?? NOTHING_MEASURED,
    days: [...days.values()],
    busiestHours,
    agents: perAgent ? await agentRows(sql, range, filter, opened, resolved) : [],
  };
}

/** The report split by the person holding each conversation, busiest first. */
async function agentRows(sql: Sql, range: ReportRange, filter: Filter, opened: Map<string, number>, resolved: Map<string, number>): Promise<TAgentRow[]> {
  const [firstResponse, resolution] = await Promise.all([
    durationStats(sql, "firstResponseSeconds", "firstReplyAt", range, filter, true),
    durationStats(sql, "resolutionSeconds", "resolvedAt", range, filter, true),
  ]);
  const ids = [...new Set([...opened.keys(), ...resolved.keys(), ...firstResponse.keys(), ...resolution.keys()])].filter((id) => id !== "");
  const people = await db().read.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return people
    .map((person) => ({
      agentId: person.id,
      name: person.name,
      opened: opened.get(person.id) ?? 0,
      resolved: resolved.get(person.id) ?? 0,
      firstResponse: firstResponse.get(person.id) ?? NOTHING_MEASURED,
      resolution: resolution.get(person.id) ?? NOTHING_MEASURED,
    }))
    .sort((a, b) => b.resolved - a.resolved || b.opened - a.opened || a.name.localeCompare(b.name));
}
