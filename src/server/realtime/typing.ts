// "<name> is typing…": checked against the visibility rule when sent (the typist must see the
// conversation) and when delivered (the viewer must see its inbox), relayed on the bus only.
import { bus, type BusSignal } from "../bus";
import type { SessionUser } from "../auth/session-user";
import { canSeeInbox, findVisibleConversation, type Access } from "../services/access";
import { NotFoundError } from "../services/errors";
import type { TTypingInput } from "@/shared/presence";

export async function sendTyping(access: Access, user: SessionUser, input: TTypingInput): Promise<void> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError("Conversation not found");
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
