// What the customer sees of an agent without a message: blue ticks when an agent has read what they
// wrote, and WhatsApp's typing indicator while an agent writes a reply (Cloud API: POST /messages
// with status "read", and a typing_indicator on the same request). Each is an inbox setting, on by
// default.
//
// Best effort, unlike replies: neither is a message, a lost one changes nothing the customer could
// act on, and retrying a stale "typing" would be wrong. So they are sent at once from the process
// that noticed, failures are logged and counted, and nothing is queued.
import { db } from "../db/client";
import { logger } from "../logger";
import { increment } from "../metrics";
import { graphTarget } from "./graph-target";

const CALL_TIMEOUT_MS = 5_000;
/** WhatsApp shows the indicator for up to 25 s, or until the reply arrives: renewed at most this often. */
const TYPING_RENEW_MS = 20_000;
/** WhatsApp only takes these within the customer service window. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

interface Inbox {
  phoneNumberId: string;
  accessToken: string | null;
  sendReadReceipts: boolean;
  sendTypingIndicator: boolean;
}

const inboxFields = { select: { phoneNumberId: true, accessToken: true, sendReadReceipts: true, sendTypingIndicator: true } } as const;

/**
 * After someone's read position in a conversation moved up to `upToKey`: WhatsApp is told that the
 * newest customer message up to there was read (the customer sees blue ticks on it and every one
 * before). Once per message, whichever agent and process got there first: the conversation
 * remembers the newest message it told about, and only the transaction that moves it sends.
 */
export async function sendReadReceipt(conversationId: string, upToKey: string): Promise<void> {
  const claimed = await db().transaction(async (tx) => {
    const newest = await tx.message.findFirst({
      where: { conversationId, direction: "inbound", wamid: { not: null }, sortKey: { lte: upToKey } },
      orderBy: { sortKey: "desc" },
      select: { wamid: true, sortKey: true, timestamp: true, conversation: { select: { readReceiptKey: true, inbox: inboxFields } } },
    });
    if (!newest?.wamid || !newest.conversation.inbox.sendReadReceipts) return null;
    if (newest.sortKey <= newest.conversation.readReceiptKey || isOutsideWindow(newest.timestamp)) return null;
    const { count } = await tx.conversation.updateMany({
      where: { id: conversationId, readReceiptKey: { lt: newest.sortKey } },
      data: { readReceiptKey: newest.sortKey },
    });
    return count === 1 ? { wamid: newest.wamid, inbox: newest.conversation.inbox } : null;
  });
  if (claimed) await post(claimed.inbox, { messaging_product: "whatsapp", status: "read", message_id: claimed.wamid }, "read receipt");
}

const typingSentAt = new Map<string, number>();

/** While an agent writes in a conversation: the customer sees "typing…" (which also marks their message read). */
export async function sendTypingIndicator(conversationId: string, now = Date.now()): Promise<void> {
  if (now - (typingSentAt.get(conversationId) ?? 0) < TYPING_RENEW_MS) return;
  if (typingSentAt.size > 10_000) {
    for (const [key, at] of typingSentAt) if (now - at >= TYPING_RENEW_MS) typingSentAt.delete(key);
  }
  typingSentAt.set(conversationId, now);
  const newest = await db().read.message.findFirst({
    where: { conversationId, direction: "inbound", wamid: { not: null } },
    orderBy: { sortKey: "desc" },
    select: { wamid: true, timestamp: true, conversation: { select: { inbox: inboxFields } } },
  });
  const inbox = newest?.conversation.inbox;
  // WhatsApp only shows typing together with a read receipt, so it needs both settings on.
  if (!newest?.wamid || !inbox?.sendTypingIndicator || !inbox.sendReadReceipts || isOutsideWindow(newest.timestamp)) return;
  const body = { messaging_product: "whatsapp", status: "read", message_id: newest.wamid, typing_indicator: { type: "text" } };
  await post(inbox, body, "typing indicator");
}

const isOutsideWindow = (customerWroteAt: Date) => Date.now() - customerWroteAt.getTime() > WINDOW_MS;

async function post(inbox: Inbox, body: object, what: string): Promise<void> {
  const target = graphTarget(inbox);
  if (!target) return;
  try {
    const response = await fetch(`${target.baseUrl}/${inbox.phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    increment("switchboard_customer_signal_failures_total", "Read receipts and typing indicators WhatsApp did not take");
    logger.warn(`could not send a ${what} to WhatsApp`, { phoneNumberId: inbox.phoneNumberId, error: String(error) });
  }
}
