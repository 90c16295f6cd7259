// Every event a client can receive, as one discriminated union shared by the server (which writes
// and replays them) and the dashboard (which applies them). Stored events are parsed with this
// schema again on replay, so a row that does not match is never sent.
import { z } from "zod";
import { OUTBOUND_STATUSES, ZConversationSummary, ZMessage } from "./dto";
import { ZContactProfile } from "./contacts";
import { ZReactions } from "./reactions";
import { ZConversationChange } from "./activity";

/** Who assigned a conversation: a person, or the inbox's auto-assignment (src/server/autoassign/). */
export const ZAssignmentActor = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), userId: z.string() }),
  z.object({ kind: z.literal("auto-assignment") }),
]);
export type TAssignmentActor = z.infer<typeof ZAssignmentActor>;

export const ZAppEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message.created"),
    conversation: ZConversationSummary,
    message: ZMessage,
  }),
  z.object({
    type: z.literal("message.status"),
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(OUTBOUND_STATUSES),
    reason: z.string().nullable(),
  }),
  // A message replaced whole, for the changes that are not a forward status move: a failed reply
  // queued again by Retry, or an interrupted send that WhatsApp later confirmed.
  z.object({
    type: z.literal("message.updated"),
    conversationId: z.string(),
    message: ZMessage,
  }),
  // The reactions on a message now, whole; `reactions.rev` says which of two copies is newer.
  z.object({
    type: z.literal("message.reactions"),
    conversationId: z.string(),
    messageId: z.string(),
    reactions: ZReactions,
  }),
  // Status or assignee changed; the summary carries its revision, so an older one never wins.
  // `actor` says who made the change: a person, or auto-assignment; `change` what it changed
  // (src/shared/activity.ts: the activity shown in the log). Both absent on older events; no actor
  // when nobody in particular did it (a customer's message reopening the conversation).
  z.object({
    type: z.literal("conversation.updated"),
    conversation: ZConversationSummary,
    actor: ZAssignmentActor.optional(),
    change: ZConversationChange.optional(),
    // The names of the people the change mentions (who made it, who had it, who got it), as they
    // were then: the line still names someone who has since left the team. Absent on older events.
    names: z.record(z.string(), z.string()).optional(),
  }),
  // What this user may see changed (inbox membership, role, deactivation). Sent to that user only:
  // their open streams re-read their access from here on, and their dashboard reloads its lists.
  z.object({
    type: z.literal("access.changed"),
    userId: z.string(),
  }),
  z.object({
    type: z.literal("conversation.read"),
    conversationId: z.string(),
    userId: z.string(),
    lastReadKey: z.string(),
  }),
  // The inbox's message templates changed (refreshed, or a status webhook paused or approved one):
  // open "Send a template" dialogs of that inbox reload the list.
  z.object({
    type: z.literal("templates.changed"),
    inboxId: z.string(),
  }),
  // Canned responses the user may use changed (one was added, edited or removed): the dashboard
  // reads its lists again. Addressed like the response: to an inbox, to its owner, or — a shared
  // one for everyone — to the whole team (one team-wide event, src/server/services/access.ts).
  z.object({
    type: z.literal("canned_responses.changed"),
  }),
  // An admin added, renamed, recoloured or deleted a label (team-wide): dashboards read the labels
  // again. A deleted label's id may stay in summaries a while; it shows as nothing.
  z.object({
    type: z.literal("labels.changed"),
  }),
  // The team changed what it keeps about a customer (name, note, attributes) in the contact panel;
  // addressed to the contact's inbox. The list and the header take the name from it.
  z.object({
    type: z.literal("contact.updated"),
    contact: ZContactProfile,
  }),
  // Never stored: the client's cursor is from another log (a database reset or restored from a
  // backup). Its id is where this log ends; the dashboard reloads everything and goes on from it.
  z.object({
    type: z.literal("stream.reset"),
  }),
]);

export type TAppEvent = z.infer<typeof ZAppEvent>;

/** An event with its place in the log: `id` is the subscription cursor. */
export type TLoggedEvent = TAppEvent & { id: string };
