// The unread counts (unread.ts) with concurrent writers, on a real PostgreSQL server: a customer's
// late message (sent before the newest one, delivered after it) stored while a reader marks the
// conversation read past it. Each transaction reads what the other may not have committed yet; the
// read count must still end right: the late message is read, nothing is unread, and neither write
// fails.
import { beforeAll, describe, expect, it } from "vitest";
import { postgresForThisFile } from "../../../testing/postgres-test-file";
import { textMessage } from "../../../testing/webhook";

postgresForThisFile();

beforeAll(async () => {
  const { bootstrap } = await import("../bootstrap");
  await bootstrap();
}, 60_000);

const ZERO_TIME = 1_767_225_600; // 2026-01-01
const ROUNDS = 40;

describe("unread counts on PostgreSQL", () => {
  it("count a late message as read when a reader reads past it at the same moment", async () => {
    const { db } = await import("../db/client");
    const { ingestDelivery } = await import("../whatsapp/ingest");
    const { ZWebhookPayload } = await import("../whatsapp/payload");
    const { listConversations, markRead, unreadTotal } = await import("../services/conversations/read");
    const admin = await db().read.user.findFirstOrThrow({ where: { role: "admin" } });
    const reader = { userId: admin.id, inboxIds: "all" as const };
    const write = (from: string, second: number) =>
      ingestDelivery(ZWebhookPayload.parse(textMessage({ from, text: `at ${second}`, timestamp: String(ZERO_TIME + second) })));

    for (let round = 0; round < ROUNDS; round++) {
      const from = `1555900${String(round).padStart(4, "0")}`;
      await write(from, 100);
      await write(from, 300);
      const conversation = await db().read.conversation.findFirstOrThrow({ where: { contact: { waId: from } } });
      const [first] = await db().read.message.findMany({ where: { conversationId: conversation.id }, orderBy: { sortKey: "asc" } });
      // Read up to the first message: the reader's position exists, and the next read moves it.
      await markRead(reader, conversation.id, first!.sortKey);
      const newest = (await db().read.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).lastMessageKey;
      await Promise.all([write(from, 200), markRead(reader, conversation.id, newest)]);
    }

    const list = await listConversations(reader, { view: "all", status: "all", limit: ROUNDS });
    expect(list.items.filter((item) => item.unreadCount !== 0)).toEqual([]);
    expect(await unreadTotal(reader)).toBe(0);
  }, 120_000);
});
