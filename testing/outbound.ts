// Until replies can be sent (message.send), tests put an outbound message straight into the
// database the server uses, the way the outbox will record one, to exercise status webhooks.
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../src/server/db/generated/client";
import { makeSortKey } from "../src/server/messages/sort-key";

export async function insertOutboundMessage(
  databaseUrl: string,
  conversationId: string,
  options: { wamid: string; body: string; status?: string },
): Promise<string> {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }) });
  try {
    const id = randomUUID();
    const now = new Date();
    const sortKey = makeSortKey(now, id);
    await client.$transaction([
      client.message.create({
        data: {
          id,
          conversationId,
          direction: "outbound",
          wamid: options.wamid,
          type: "text",
          body: options.body,
          status: options.status ?? "sent",
          timestamp: now,
          sortKey,
        },
      }),
      client.conversation.update({
        where: { id: conversationId },
        data: { lastMessageAt: now, lastPreview: options.body, lastMessageKey: sortKey },
      }),
    ]);
    return id;
  } finally {
    await client.$disconnect();
  }
}
