// "<name> is typing…": checked against the visibility rule when sent (the typist must see the
// conversation) and when delivered (the viewer must see its inbox), relayed on the bus only.
import { bus, type BusSignal } from "../bus";
import type { SessionUser } from "../auth/session-user";
import { canSeeInbox, findVisibleConversation, type Access } from "../services/access";
import { NotFoundError } from "../services/errors";
import { logger } from "../logger";
import { sendTypingIndicator } from "../whatsapp/customer-signals";
import type { TTypingInput } from "@/shared/presence";
import { said } from "@/shared/server-text";

/** The dashboard signals "typing" every ~2 s; faster than this, a client is misbehaving. */
const MIN_TYPING_INTERVAL_MS = 1_000;
const lastTypingAt = new Map<string, number>();

/**
 * Whether a "still typing" signal from this user in this conversation may go out now. "Stopped"
 * always may: it ends the line on the other screens. Old entries are swept so the map stays small.
 */
function mayRelay(userId: string, conversationId: string, typing: boolean, now = Date.now()): boolean {
  const key = `${userId}:${conversationId}`;
  if (!typing) {
    // Typing again right after sending is a new start, shown at once.
    lastTypingAt.delete(key);
    return true;
  }
  if (now - (lastTypingAt.get(key) ?? 0) < MIN_TYPING_INTERVAL_MS) return false;
  if (lastTypingAt.size > 10_000) {
    for (const [staleKey, at] of lastTypingAt) if (now - at > MIN_TYPING_INTERVAL_MS) lastTypingAt.delete(staleKey);
  }
  lastTypingAt.set(key, now);
  return true;
}

export async function sendTyping(access: Access, user: SessionUser, input: TTypingInput): Promise<void> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  if (!mayRelay(user.id, conversation.id, input.typing)) return;
  if (input.typing) {
    // The customer sees "typing…" too (best effort, renewed at most every 20 s per conversation).
    sendTypingIndicator(conversation.id).catch((error: unknown) => logger.warn("typing indicator failed", { error: String(error) }));
  }
  bus().publishSignal({
    type: "typing",
    inboxId: conversation.inboxId,
    conversationId: conversation.id,
    user: { id: user.id, name: user.name },
    typing: input.typing,
  });
}

type TypingSignal = Extract<BusSignal, { type: "typing" }>;

/** Whether a viewer with this access is shown the signal: never their own, only in their inboxes. */
export function mayReceiveTyping(access: Access, signal: TypingSignal): boolean {
  return signal.user.id !== access.userId && canSeeInbox(access, signal.inboxId);
}
