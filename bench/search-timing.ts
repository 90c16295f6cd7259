// One database's half of the search benchmark (bench/search.ts starts it, once per database): times
// searchConversations in this process on the seeded database that DATABASE_URL names, and the LIKE
// baseline beside it, then sends the figures to its parent. Its own process, because the app reads
// DATABASE_URL (and the rest of the environment) once per process.
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { RARE_WORDS } from "./search-seed";
import { summarize, type Summary } from "./stats";

/** What is searched, by kind; `text` kinds also run through the LIKE baseline. */
export const QUERIES: { kind: string; text: boolean; queries: string[] }[] = [
  { kind: "common word", text: true, queries: ["order", "delivery", "thanks", "refund"] },
  { kind: "rare word", text: true, queries: RARE_WORDS.slice(0, 4) },
  { kind: "prefix", text: true, queries: ["deliv", "track", "re", "zep"] },
  { kind: "several words", text: true, queries: ["tracking number", "damaged refund", "warehouse lead", "forest green backpack"] },
  { kind: "accents ignored", text: true, queries: ["zurich", "krakow", "montreal", "reykjavik"] },
  { kind: "contact name", text: false, queries: ["garcía", "müller", "élodie", "o'brien"] },
  { kind: "number", text: false, queries: ["+49 151", "+44 7700 9", "55 11", "81-901"] },
  { kind: "no match", text: true, queries: ["xylophonist", "qwertyuiop"] },
];

const ZSummary = z.object({ count: z.number(), p50: z.number(), p90: z.number(), p99: z.number(), max: z.number() });
export const ZTiming = z.object({
  rows: z.array(z.object({ kind: z.string(), results: z.number(), search: ZSummary, agent: ZSummary, like: ZSummary.nullable() })),
  everySearch: ZSummary,
  stoppedEarly: z.boolean(),
  /** Rare words for which the index and LIKE found different conversations. */
  disagreements: z.array(z.string()),
  /** Each query's conversations, in order, as the admin found them: compared across databases. */
  found: z.record(z.string(), z.array(z.string())),
});
export type Timing = z.infer<typeof ZTiming>;

export interface TimingOptions {
  adminId: string;
  agentId: string;
  rounds: number;
  budgetMs: number;
}

async function timeSearches(options: TimingOptions): Promise<Timing> {
  const { db, closeDb } = await import("../src/server/db/client");
  const { loadAccess } = await import("../src/server/services/access");
  const { searchConversations } = await import("../src/server/services/search");
  const { likeBaseline } = await import("./search-baseline");
  const admin = await loadAccess({ id: options.adminId, email: "", name: "", role: "admin" });
  const agent = await loadAccess({ id: options.agentId, email: "", name: "", role: "agent" });
  const conversationsOf = async (query: string) => (await searchConversations(admin, query)).map((result) => result.conversation.id);

  // One untimed round: the first statement of each shape pays for the database's and Prisma's warm-up.
  const found: Record<string, string[]> = {};
  for (const { queries } of QUERIES) for (const query of queries) found[query] = await conversationsOf(query);

  // The index must find what a plain scan finds: rare words have few enough hits to compare all.
  const disagreements: string[] = [];
  for (const word of RARE_WORDS) {
    const indexed = (await conversationsOf(word)).sort();
    const scanned = (await likeBaseline(db().read, word)).map((row) => row.conversationId).sort();
    if (indexed.join() !== scanned.join()) disagreements.push(`${word}: index ${indexed.length}, LIKE ${scanned.length}`);
  }

  const deadline = performance.now() + options.budgetMs;
  const time = async (work: () => Promise<unknown>, into: number[]) => {
    const begin = performance.now();
    await work();
    into.push(performance.now() - begin);
  };
  const rows: Timing["rows"] = [];
  const everySearch: number[] = [];
  let stoppedEarly = false;
  for (const { kind, text, queries } of QUERIES) {
    const searchTimes: number[] = [];
    const agentTimes: number[] = [];
    const likeTimes: number[] = [];
    let results = 0;
    for (let roundIndex = 0; roundIndex < options.rounds && !(stoppedEarly = performance.now() > deadline); roundIndex++) {
      for (const query of queries) {
        await time(async () => (results += (await searchConversations(admin, query)).length), searchTimes);
        await time(() => searchConversations(agent, query), agentTimes);
        if (text && roundIndex % 4 === 0) await time(() => likeBaseline(db().read, query), likeTimes);
      }
    }
    everySearch.push(...searchTimes);
    rows.push({
      kind,
      results: searchTimes.length ? results / searchTimes.length : 0,
      search: summarize(searchTimes),
      agent: summarize(agentTimes),
      like: text ? summarize(likeTimes) : null,
    });
  }
  await closeDb();
  return { rows, everySearch: summarize(everySearch) satisfies Summary, stoppedEarly, disagreements, found };
}

const ZOptions = z.object({ adminId: z.string(), agentId: z.string(), rounds: z.number(), budgetMs: z.number() });

// Run as the child (bench/search.ts imports the rest): the options come as the first argument,
// the figures go back over IPC.
if (process.argv[1]?.endsWith("search-timing.ts")) {
  timeSearches(ZOptions.parse(JSON.parse(process.argv[2] ?? "null")))
    .then((timing) => process.send?.(timing, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error("search timing failed:", error);
      process.exit(1);
    });
}
