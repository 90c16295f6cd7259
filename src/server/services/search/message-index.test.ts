// Messages reach SQLite's search index after the commit that stores them (migration 0024,
// ./message-index.ts), against a real SQLite file and the real store thread: the commit only notes
// the message, a search indexes what is noted before it reads, and so does a timer a moment after.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../../testing/temp-db";
import { waitFor } from "../../../../testing/wait";
import { textMessage } from "../../../../testing/webhook";

createTempDatabase();
const { db } = await import("../../db/client");
const { bootstrap } = await import("../../bootstrap");
const { ingestDelivery } = await import("../../whatsapp/ingest");
const { ZWebhookPayload } = await import("../../whatsapp/payload");
const { searchConversations } = await import(".");
const { indexMessagesAfterCommits, indexNotedMessagesNow } = await import("./message-index-schedule");

const admin = { userId: "search-admin", inboxIds: "all" as const };
let phone = 15550300000;
const receive = async (text: string) => {
  const result = await ingestDelivery(ZWebhookPayload.parse(textMessage({ from: String(phone++), name: "Index Test", text })));
  expect(result.messagesStored).toBe(1);
};
const noted = async () => Number((await db().read.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS "n" FROM "MessageSearch_pending"`)[0]!.n);
const indexedBodies = async (word: string) =>
  (await db().read.$queryRaw<{ body: string }[]>`SELECT "body" FROM "MessageSearch" WHERE "MessageSearch" MATCH ${word} ORDER BY rowid`).map((row) => row.body);

beforeAll(async () => {
  await bootstrap();
  await indexNotedMessagesNow(); // whatever bootstrap stored
});
afterAll(async () => {
  const { closeDb } = await import("../../db/client");
  await closeDb();
});

describe("the search index of messages", () => {
  it("is not written by the commit that stores a message, and a search still finds the message at once", async () => {
    await receive("where is my marmalade order");
    expect(await noted()).toBe(1);
    expect(await indexedBodies("marmalade")).toEqual([]);
    const results = await searchConversations(admin, "marmalade");
    const snippets = results.map(({ match }) => (match.kind === "message" ? match.snippet.map((part) => part.text).join("") : null));
    expect(snippets).toEqual(["where is my marmalade order"]);
    expect(await noted()).toBe(0);
    expect(await indexedBodies("marmalade")).toEqual(["where is my marmalade order"]);
  });

  it("takes the noted messages in the order they were stored, in batches, leaving out one deleted before its turn", async () => {
    await receive("quince one");
    await receive("quince two");
    const conversation = await db().read.conversation.findFirstOrThrow({ where: { lastPreview: "quince two" } });
    // 2,100 more in one transaction: more than one batch of the indexer.
    await db().transaction(async (tx) => {
      await tx.message.createMany({
        data: Array.from({ length: 2_100 }, (_, index) => ({
          id: randomUUID(),
          conversationId: conversation.id,
          direction: "inbound",
          type: "text",
          body: `quince bulk ${index}`,
          status: "received",
          timestamp: new Date(),
          sortKey: `zz-${String(index).padStart(5, "0")}`,
        })),
      });
      await tx.message.deleteMany({ where: { body: "quince two" } });
    });
    expect(await noted()).toBe(2_102);
    await indexNotedMessagesNow();
    expect(await noted()).toBe(0);
    const bodies = await indexedBodies("quince");
    expect(bodies).toEqual(["quince one", ...Array.from({ length: 2_100 }, (_, index) => `quince bulk ${index}`)]);
  });

  it("indexes a new message a moment after its commit, with no search asking", async () => {
    const stop = indexMessagesAfterCommits();
    try {
      await receive("rhubarb pie please");
      await waitFor(async () => (await noted()) === 0, "the message indexed", 5_000);
      expect(await indexedBodies("rhubarb")).toEqual(["rhubarb pie please"]);
    } finally {
      stop();
    }
  });
});
