// What travels to a dashboard for each event: the event, less what the dashboard rebuilds from the
// rest of it. A message.created event carries the conversation's summary and the new message, and
// the summary's newest-message fields (key, time, preview and its type, the customer's last
// message time) usually repeat that message; the message repeats the conversation's id, its sort
// key repeats its time and id around the one part that is new (its arrival); most messages are a
// customer's text, received, with no status reason, details, author, quote or reactions, and most
// conversations are open, with no assignee or labels, and unchanged since they began (revision 0).
// Those fields are left out whenever they equal what expandEvent puts back, so the round trip is
// exact for every event as the server makes it (event-wire.test.ts), and a new conversation's first
// text message travels in under 45% of its size. The event's id travels once, in tRPC's tracked
// envelope, not again inside the event. The server compacts each event once per process
// (live/encoded-event.ts); the dashboard expands it as it arrives (use-live-events.ts).
import type { TConversationSummary, TMessage } from "./dto";
import type { TAppEvent, TLoggedEvent } from "./events";
import { formatSortKey, secondOf, sortKeyTimes } from "./sort-key";

/** The summary's fields that the new message usually says already. */
const FROM_MESSAGE = ["lastMessageKey", "lastMessageAt", "lastPreview", "lastPreviewType", "lastInboundAt"] as const;
type FromMessage = (typeof FROM_MESSAGE)[number];

/**
 * What most messages say: a field with its usual value is left out (a customer's text, received,
 * not a reply, no reactions). A quote or reactions the event does not mention at all (events
 * logged before they existed) come back as null, which the dashboard reads the same way.
 */
const USUAL_MESSAGE = {
  direction: "inbound",
  type: "text",
  status: "received",
  statusReason: null,
  details: null,
  authorName: null,
  replyTo: null,
  reactions: null,
} as const satisfies Partial<TMessage>;
type Usual = keyof typeof USUAL_MESSAGE;
const USUAL_KEYS = Object.keys(USUAL_MESSAGE) as Usual[];

/** What most conversations' summaries say: open, never assigned or moved (revision 0), unassigned. */
const USUAL_SUMMARY = {
  status: "open",
  revision: 0,
  assigneeId: null,
} as const satisfies Partial<TConversationSummary>;
type UsualSummary = keyof typeof USUAL_SUMMARY;
const USUAL_SUMMARY_KEYS = Object.keys(USUAL_SUMMARY) as UsualSummary[];

type SummaryDefaults = UsualSummary | "labelIds";
export type TWireSummary = Omit<TConversationSummary, FromMessage | SummaryDefaults> &
  Partial<Pick<TConversationSummary, FromMessage | SummaryDefaults>>;
/** `arrival` stands for a sort key that the message's time and id say the rest of. */
export type TWireMessage = Omit<TMessage, "conversationId" | Usual | "sortKey"> &
  Partial<Pick<TMessage, "conversationId" | Usual | "sortKey">> & { arrival?: number };

type MessageCreated = Extract<TAppEvent, { type: "message.created" }>;
export type TWireEvent = Exclude<TAppEvent, MessageCreated> | { type: "message.created"; conversation: TWireSummary; message: TWireMessage };
/** A wire event with its place in the log, as a tracked subscription item carries it. */
export interface TTrackedWireEvent {
  id: string;
  data: TWireEvent;
}

/** The arrival part of the message's sort key, when the key is exactly its time, that and its id. */
function arrivalOf(message: TMessage): number | null {
  const arrival = sortKeyTimes(message.sortKey)?.arrivalMicros;
  if (arrival === undefined || !Number.isSafeInteger(arrival)) return null;
  return formatSortKey(secondOf(message.timestamp), arrival, message.id) === message.sortKey ? arrival : null;
}

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
  for (const key of USUAL_SUMMARY_KEYS) if (event.conversation[key] === USUAL_SUMMARY[key]) delete conversation[key];
  if (conversation.labelIds?.length === 0) delete conversation.labelIds;
  const message: TWireMessage = { ...event.message };
  if (event.message.conversationId === event.conversation.id) delete message.conversationId;
  for (const key of USUAL_KEYS) if (event.message[key] === USUAL_MESSAGE[key]) delete message[key];
  const arrival = arrivalOf(event.message);
  if (arrival !== null) {
    delete message.sortKey;
    message.arrival = arrival;
  }
  return { type: event.type, conversation, message };
}

export function expandEvent(event: TWireEvent): TAppEvent {
  if (event.type !== "message.created") return event;
  const { conversation, message } = event;
  const { arrival, ...said } = message;
  const fullMessage: TMessage = {
    ...USUAL_MESSAGE,
    ...said,
    conversationId: message.conversationId ?? conversation.id,
    sortKey: message.sortKey ?? formatSortKey(secondOf(message.timestamp), arrival ?? 0, message.id),
  };
  const implied = impliedBy(fullMessage);
  const fullConversation: TConversationSummary = {
    ...USUAL_SUMMARY,
    ...conversation,
    labelIds: conversation.labelIds ?? [],
    lastMessageKey: conversation.lastMessageKey ?? implied.lastMessageKey,
    lastMessageAt: conversation.lastMessageAt ?? implied.lastMessageAt,
    lastPreview: conversation.lastPreview ?? implied.lastPreview,
    lastPreviewType: conversation.lastPreviewType ?? implied.lastPreviewType,
    // null is said (no customer message yet); only an absent one is the message's time.
    lastInboundAt: conversation.lastInboundAt === undefined ? implied.lastInboundAt : conversation.lastInboundAt,
  };
  return { type: event.type, conversation: fullConversation, message: fullMessage };
}

export const expandTrackedEvent = ({ id, data }: TTrackedWireEvent): TLoggedEvent => ({ ...expandEvent(data), id });
