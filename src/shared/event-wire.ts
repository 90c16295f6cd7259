// What travels to a dashboard for each event: the event, less what the dashboard rebuilds from the
// rest of it. A message.created event carries the conversation's summary and the new message, and
// the summary's newest-message fields (key, time, preview and its type, the customer's last
// message time) usually repeat that message; the message repeats the conversation's id, and most
// messages have no status reason, details or author. Those fields are left out whenever they equal
// what expandEvent puts back, so the round trip is exact for every event (event-wire.test.ts), and
// a short text message's frame is about a third smaller. The server compacts each event once per
// process (live/encoded-event.ts); the dashboard expands it as it arrives (use-live-events.ts).
import type { TConversationSummary, TMessage } from "./dto";
import type { TAppEvent, TLoggedEvent } from "./events";

/** The summary's fields that the new message usually says already. */
const FROM_MESSAGE = ["lastMessageKey", "lastMessageAt", "lastPreview", "lastPreviewType", "lastInboundAt"] as const;
type FromMessage = (typeof FROM_MESSAGE)[number];

/** The message's fields that are null unless said. */
const NULL_UNLESS_SAID = ["statusReason", "details", "authorName"] as const;
type NullUnlessSaid = (typeof NULL_UNLESS_SAID)[number];

export type TWireSummary = Omit<TConversationSummary, FromMessage> & Partial<Pick<TConversationSummary, FromMessage>>;
export type TWireMessage = Omit<TMessage, "conversationId" | NullUnlessSaid> & Partial<Pick<TMessage, "conversationId" | NullUnlessSaid>>;

type MessageCreated = Extract<TAppEvent, { type: "message.created" }>;
export type TWireEvent = Exclude<TAppEvent, MessageCreated> | { type: "message.created"; conversation: TWireSummary; message: TWireMessage };
/** A wire event with its place in the log: what the events subscription yields. */
export type TLoggedWireEvent = TWireEvent & { id: string };

/** What the summary says when the message is the conversation's newest, and the customer's. */
function impliedBy(message: TMessage): Pick<TConversationSummary, FromMessage> {
  return {
    lastMessageKey: message.sortKey,
    lastMessageAt: message.timestamp,
    lastPreview: message.body,
    lastPreviewType: message.type,
    lastInboundAt: message.timestamp,
  };
}

export function compactEvent(event: TAppEvent): TWireEvent {
  if (event.type !== "message.created") return event;
  const implied = impliedBy(event.message);
  const conversation: TWireSummary = { ...event.conversation };
  for (const key of FROM_MESSAGE) if (event.conversation[key] === implied[key]) delete conversation[key];
  const message: TWireMessage = { ...event.message };
  if (event.message.conversationId === event.conversation.id) delete message.conversationId;
  for (const key of NULL_UNLESS_SAID) if (event.message[key] === null) delete message[key];
  return { type: event.type, conversation, message };
}

export function expandEvent(event: TWireEvent): TAppEvent {
  if (event.type !== "message.created") return event;
  const { conversation, message } = event;
  const fullMessage: TMessage = {
    ...message,
    conversationId: message.conversationId ?? conversation.id,
    statusReason: message.statusReason ?? null,
    details: message.details ?? null,
    authorName: message.authorName ?? null,
  };
  const implied = impliedBy(fullMessage);
  const fullConversation: TConversationSummary = {
    ...conversation,
    lastMessageKey: conversation.lastMessageKey ?? implied.lastMessageKey,
    lastMessageAt: conversation.lastMessageAt ?? implied.lastMessageAt,
    lastPreview: conversation.lastPreview ?? implied.lastPreview,
    lastPreviewType: conversation.lastPreviewType ?? implied.lastPreviewType,
    // null is said (no customer message yet); only an absent one is the message's time.
    lastInboundAt: conversation.lastInboundAt === undefined ? implied.lastInboundAt : conversation.lastInboundAt,
  };
  return { type: event.type, conversation: fullConversation, message: fullMessage };
}

export const expandLoggedEvent = (event: TLoggedWireEvent): TLoggedEvent => ({ ...expandEvent(event), id: event.id });
