// Typing and presence: ephemeral signals that travel on the bus only, never stored and never
// replayed (DESIGN.md). Shared by the server (which relays them) and the dashboard (which shows
// them). Everything here is plain JSON, so a bus between processes (Redis) can carry it as is.
import { z } from "zod";

/** A typist sends "typing" at most this often while the text keeps changing. */
export const TYPING_REFRESH_MS = 2_000;
/** Viewers drop a typist this long after their last "typing" signal (they went quiet). */
export const TYPING_TIMEOUT_MS = 5_000;

const ZId = z.string().min(1).max(100);

export const ZTypingInput = z.object({ conversationId: ZId, typing: z.boolean() });
export type TTypingInput = z.infer<typeof ZTypingInput>;

export const ZTeamMember = z.object({ id: z.string(), name: z.string() });
export type TTeamMember = z.infer<typeof ZTeamMember>;

/**
 * What travels on the bus's signal channel. `inboxId` is the conversation's inbox as checked when
 * the signal was sent, so delivery can filter by inbox without reading the database again.
 */
export const ZBusSignal = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("typing"),
    inboxId: z.string(),
    conversationId: z.string(),
    user: ZTeamMember,
    typing: z.boolean(),
  }),
  // The inboxes the user belongs to ("all" for an admin): presence is shown only to people who
  // share one with them.
  z.object({ type: z.literal("heartbeat"), user: ZTeamMember, inboxIds: z.union([z.literal("all"), z.array(z.string())]) }),
]);
export type TBusSignal = z.infer<typeof ZBusSignal>;

/** What the presence subscription yields: typing signals the user may see, and who is online. */
export const ZPresenceUpdate = z.discriminatedUnion("type", [
  z.object({ type: z.literal("typing"), conversationId: z.string(), user: ZTeamMember, typing: z.boolean() }),
  /** The whole list each time (a team is small), sorted by name: no merging on the client. */
  z.object({ type: z.literal("online"), users: z.array(ZTeamMember) }),
]);
export type TPresenceUpdate = z.infer<typeof ZPresenceUpdate>;
export type TTypingUpdate = Extract<TPresenceUpdate, { type: "typing" }>;
