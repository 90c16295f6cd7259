// Writes straight into a running test server's database, for the few setups no endpoint offers a
// test (a second inbox the demo agent is not a member of). The server reads the same database, so
// what is written here is what it finds.
import { prismaFor } from "./test-database";

export async function addInbox(databaseUrl: string, inbox: { id: string; name: string; phoneNumberId: string }): Promise<void> {
  const prisma = prismaFor(databaseUrl);
  try {
    await prisma.inbox.create({ data: inbox });
  } finally {
    await prisma.$disconnect();
  }
}

/** The id of the conversation with this customer number (in any inbox). */
export async function conversationIdOf(databaseUrl: string, waId: string): Promise<string> {
  const prisma = prismaFor(databaseUrl);
  try {
    const conversation = await prisma.conversation.findFirst({ where: { contact: { waId } }, select: { id: true } });
    if (!conversation) throw new Error(`no conversation with ${waId}`);
    return conversation.id;
  } finally {
    await prisma.$disconnect();
  }
}
