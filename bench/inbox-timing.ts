// The big inbox's timing half (bench/inbox.ts seeds, then starts this in a process of its own, since
// the app reads DATABASE_URL once per process): times the dashboard's reads and marking read
// in-process, as an admin and as an agent, and prints each one's p50/p90/p99 and the query plans of
// the SQL it ran.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { z } from "zod";
import { explain, recordStatements, type RanStatement } from "./sqlite-plans";
import { ms, summarize, table, type Summary } from "./stats";

const ZOptions = z.object({
  file: z.string(),
  adminId: z.string(),
  agentId: z.string(),
  rounds: z.number().int().positive(),
  budgetMs: z.number().positive(),
  /** How deep "a later page" is, in pages of the dashboard's size. */
  laterPage: z.number().int().positive(),
});
type Options = z.infer<typeof ZOptions>;

const TARGET_P99_MS = 50;
const SEARCHES = ["refund", "tracking number", "zeppelin", "garcía", "+49 151"];

interface Operation {
  name: string;
  /** Called with the round number; each call should be what one dashboard request does. */
  run: (round: number) => Promise<unknown>;
}

async function main(options: Options) {
  const { loadAccess } = await import("../src/server/services/access");
  const read = await import("../src/server/services/conversations/read");
  const { searchConversations } = await import("../src/server/services/search");
  const { closeDb } = await import("../src/server/db/client");
  const admin = await loadAccess({ id: options.adminId, email: "", name: "", role: "admin" });
  const agent = await loadAccess({ id: options.agentId, email: "", name: "", role: "agent" });
  const sqlite = new Database(options.file, { readonly: true });

  /** The operations for one person: inputs found first, untimed. */
  async function operationsFor(access: typeof admin, userId: string): Promise<Operation[]> {
    const everything = { view: "all", status: "all" } as const;
    let cursor: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < options.laterPage; page++) {
      const result: Awaited<ReturnType<typeof read.listConversations>> = await read.listConversations(access, { ...everything, cursor });
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    const deepCursor = cursor;
    const sample = seen.filter((_, index) => index % 7 === 0);
    const inboxes = access.inboxIds === "all" ? null : [...access.inboxIds];
    const unread = sqlite
      .prepare(
        `SELECT c."id" AS id, c."lastMessageKey" AS key FROM "Conversation" c
          LEFT JOIN "ConversationReadState" r ON r."conversationId" = c."id" AND r."userId" = ?
          WHERE r."userId" IS NULL ${inboxes ? `AND c."inboxId" IN (${inboxes.map(() => "?").join(", ")})` : ""} LIMIT ?`,
      )
      .all(userId, ...(inboxes ?? []), options.rounds + 1) as { id: string; key: string }[];
    const pick = <T>(items: T[], round: number): T => items[round % items.length]!;
    return [
      { name: "list: first page (All, open)", run: () => read.listConversations(access, { view: "all", status: "open" }) },
      { name: "list: first page (All, any status)", run: () => read.listConversations(access, everything) },
      { name: "list: first page (Mine, open)", run: () => read.listConversations(access, { view: "mine", status: "open" }) },
      { name: "list: first page (Unassigned, open)", run: () => read.listConversations(access, { view: "unassigned", status: "open" }) },
      { name: `list: page ${options.laterPage + 1} (${(options.laterPage * 50).toLocaleString("en")} deep)`, run: () => read.listConversations(access, { ...everything, cursor: deepCursor }) },
      { name: "filter counts + unread total", run: () => read.countConversations(access) },
      { name: "unread total alone", run: () => read.unreadTotal(access) },
      { name: "history: newest page (50)", run: (round) => read.listMessages(access, pick(sample, round), { limit: 50 }) },
      { name: "search", run: (round) => searchConversations(access, pick(SEARCHES, round)) },
      // Each round reads a conversation never opened before: the position really moves.
      { name: "mark read", run: (round) => { const target = pick(unread, round); return read.markRead(access, target.id, target.key); } },
    ];
  }

  const people = [
    { who: "admin", operations: await operationsFor(admin, options.adminId) },
    { who: "agent", operations: await operationsFor(agent, options.agentId) },
  ];
  const plans = new Map<string, RanStatement[]>();
  const results = new Map<string, Record<string, Summary>>();
  const deadline = performance.now() + options.budgetMs;
  let stoppedEarly = false;
  for (const { who, operations } of people) {
    for (const operation of operations) {
      // The first call is untimed: it warms the statement caches, and its SQL is what is explained.
      const statements = await recordStatements(() => operation.run(options.rounds));
      plans.set(`${operation.name} — ${who}`, statements);
      const times: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        if (performance.now() > deadline) {
          stoppedEarly = true;
          break;
        }
        const begin = performance.now();
        await operation.run(round);
        times.push(performance.now() - begin);
      }
      const row = results.get(operation.name) ?? {};
      row[who] = summarize(times);
      results.set(operation.name, row);
    }
  }
  sqlite.close();

  const header = ["operation", "admin p50", "p90", "p99", "agent p50", "p90", "p99", `p99 ≤ ${TARGET_P99_MS} ms`];
  const rows = [...results].map(([name, row]) => {
    const cells = ["admin", "agent"].flatMap((who) => {
      const summary = row[who];
      return summary ? [ms(summary.p50), ms(summary.p90), ms(summary.p99)] : ["", "", ""];
    });
    const worst = Math.max(...Object.values(row).map((summary) => summary.p99));
    return [name, ...cells, worst <= TARGET_P99_MS ? "yes" : "NO"];
  });
  console.log(`\n${options.rounds} rounds of each, in-process${stoppedEarly ? ` (stopped after ${options.budgetMs / 1000} s: later rows have fewer rounds)` : ""}`);
  console.log(table([header, ...rows]));
  console.log("\nQuery plans (EXPLAIN QUERY PLAN of the SQL each operation ran, with its parameters)");
  for (const [name, statements] of plans) {
    console.log(`\n${name}`);
    for (const plan of explain(options.file, statements)) console.log(plan);
  }
  const summaries = Object.fromEntries([...results].map(([name, row]) => [name, row]));
  console.log(`BENCH_INBOX_RESULT ${JSON.stringify({ rounds: options.rounds, stoppedEarly, summaries })}`);
  await closeDb();
}

main(ZOptions.parse(JSON.parse(process.argv[2] ?? "null")))
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error("inbox timing failed:", error);
    process.exit(1);
  });
