// The unread counts kept on the write path (unread.ts) against their definition — a reader's
// inbound messages after their read position — in-process on a real SQLite file: random customers
// writing (in order and late, in two inboxes) and readers opening conversations to their newest
// message or part way, checked after every step for the list's badges and the unread total.
import fs from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";
import { textMessage } from "../../../testing/webhook";

const database = createTempDatabase();
const { db } = await import("../db/client");
const { readSql } = await import("../db/prisma-sql");
const { bootstrap } = await import("../bootstrap");
const { ingestDelivery } = await import("../whatsapp/ingest");
const { ZWebhookPayload } = await import("../whatsapp/payload");
const { listConversations, markRead, unreadTotal } = await import("../services/conversations/read");
type Access = Parameters<typeof unreadTotal>[0];

const OTHER_NUMBER = "200000000000088";
let readers: Access[] = [];

beforeAll(async () => {
  await bootstrap();
  const admin = await db().read.user.findFirstOrThrow({ where: { role: "admin" } });
  const defaultInbox = await db().read.inbox.findFirstOrThrow();
  await db().transaction(async (tx) => {
    await tx.inbox.create({ data: { id: "inbox-other", name: "Other", phoneNumberId: OTHER_NUMBER } });
    await tx.user.create({ data: { id: "reader-agent", email: "reader@example.com", name: "Rita Reader", passwordHash: "not-used", role: "agent" } });
    await tx.inboxMember.create({ data: { userId: "reader-agent", inboxId: defaultInbox.id } });
  });
  readers = [
    { userId: admin.id, inboxIds: "all" },
    { userId: "reader-agent", inboxIds: new Set([defaultInbox.id]) },
  ];
});
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));

/** The definition, counted from the messages: per conversation the reader sees. */
async function truth(access: Access): Promise<Map<string, number>> {
  const rows = await readSql().all<{ id: string; inboxId: string; unread: number | bigint }>(
    `SELECT c."id", c."inboxId", (SELECT COUNT(*) FROM "Message" m WHERE m."conversationId" = c."id" AND m."direction" = 'inbound'
                                   AND m."sortKey" > COALESCE(r."lastReadKey", '')) AS "unread"
       FROM "Conversation" c LEFT JOIN "ConversationReadState" r ON r."conversationId" = c."id" AND r."userId" = ?`,
    access.userId,
  );
  const visible = rows.filter((row) => access.inboxIds === "all" || access.inboxIds.has(row.inboxId));
  return new Map(visible.map((row) => [row.id, Number(row.unread)]));
}

const ZERO_TIME = 1_767_225_600; // 2026-01-01
const step = fc.oneof(
  // A customer writes; any second of the hour, so some messages arrive after newer ones.
  fc.record({ kind: fc.constant("write" as const), customer: fc.nat(2), second: fc.nat(3_600) }),
  // A reader opens a conversation: to its newest message, or to an earlier one (a partial read).
  fc.record({ kind: fc.constant("read" as const), customer: fc.nat(2), reader: fc.nat(1), depth: fc.nat(3) }),
);

let run = 0;

describe("unread counts kept on the write path", () => {
  it("match the messages after each reader's position, for the badges and the total", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        run++;
        // Customers 0 and 1 write to the default inbox, customer 2 to the other one (which the agent does not see).
        const waId = (customer: number) => `1555${String(run).padStart(4, "0")}${customer}`;
        for (const action of steps) {
          if (action.kind === "write") {
            const phoneNumberId = action.customer === 2 ? OTHER_NUMBER : undefined;
            const payload = textMessage({ from: waId(action.customer), text: "hello", timestamp: String(ZERO_TIME + action.second), phoneNumberId });
            await ingestDelivery(ZWebhookPayload.parse(payload));
          } else {
            const conversation = await db().read.conversation.findFirst({ where: { contact: { waId: waId(action.customer) } } });
            if (!conversation) continue;
            const keys = await db().read.message.findMany({ where: { conversationId: conversation.id }, orderBy: { sortKey: "desc" }, select: { sortKey: true } });
            const key = keys[Math.min(action.depth, keys.length - 1)]!.sortKey;
            const reader = readers[action.reader]!;
            if (reader.inboxIds === "all" || reader.inboxIds.has(conversation.inboxId)) await markRead(reader, conversation.id, key);
          }
        }
        for (const reader of readers) {
          const expected = await truth(reader);
          const list = await listConversations(reader, { view: "all", status: "all", limit: 200 });
          expect(new Map(list.items.map((item) => [item.id, item.unreadCount]))).toEqual(expected);
          expect(await unreadTotal(reader)).toBe([...expected.values()].reduce((sum, count) => sum + count, 0));
        }
      }),
      { numRuns: 25 },
    );
  });
});
