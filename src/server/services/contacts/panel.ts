// The contact panel beside a conversation, as one reader sees it: the contact's profile, when the
// customer first wrote, and the same customer's conversations in the other inboxes the reader sees.
import { db } from "../../db/client";
import { CONVERSATION_STATUSES } from "@/shared/dto";
import type { TContactPanel, TOtherConversation } from "@/shared/contacts";
import { findVisibleConversation, visibleConversations, type Access } from "../access";
import { NotFoundError } from "../errors";
import { readProfile } from "./profile";
import { said } from "@/shared/server-text";

/** More would not fit the panel; a customer in this many inboxes is rare. */
const OTHER_CONVERSATIONS_LIMIT = 20;

export async function getContactPanel(access: Access, conversationId: string): Promise<TContactPanel> {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  const { contact } = conversation;
  const [profile, firstInbound, others] = await Promise.all([
    readProfile(db().read, contact.id),
    // The conversation's messages are indexed by sort key, which starts with the time: the walk
    // from the oldest stops at the first message from the customer.
    db().read.message.findFirst({
      where: { conversationId, direction: "inbound" },
      orderBy: { sortKey: "asc" },
      select: { timestamp: true },
    }),
    db().read.conversation.findMany({
      where: { AND: [{ contact: { waId: contact.waId }, id: { not: conversationId } }, visibleConversations(access)] },
      include: { inbox: { select: { name: true } }, contact: { select: { name: true } } },
      orderBy: [{ lastMessageKey: "desc" }, { id: "desc" }],
      take: OTHER_CONVERSATIONS_LIMIT,
    }),
  ]);
  return {
    contact: profile,
    firstWroteAt: firstInbound?.timestamp.toISOString() ?? null,
    otherConversations: others.map(
      (row): TOtherConversation => ({
        id: row.id,
        inboxName: row.inbox.name,
        contactName: row.contact.name,
        status: CONVERSATION_STATUSES.find((status) => status === row.status) ?? "open",
        lastMessageAt: row.lastMessageAt.toISOString(),
      }),
    ),
  };
}
