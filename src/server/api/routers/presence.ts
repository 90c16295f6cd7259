import { ZTypingInput } from "@/shared/presence";
import { announcePresence } from "../../realtime/presence";
import { streamPresence } from "../../realtime/presence-stream";
import { sendTyping } from "../../realtime/typing";
import { protectedProcedure, router } from "../trpc";

// Typing and presence are ephemeral (DESIGN.md): they go out on the bus and nowhere else, and the
// subscription yields them untracked, apart from events.subscribe, so they are never replayed.
export const presenceRouter = router({
  /** The typist's "started/still typing" (true) or "sent or cleared the box" (false). */
  typing: protectedProcedure.input(ZTypingInput).mutation(({ ctx, input }) => sendTyping(ctx.access, ctx.user, input)),

  /** "My dashboard is open"; the answer says when to send the next one. */
  heartbeat: protectedProcedure.mutation(({ ctx }) => announcePresence(ctx.user, ctx.access)),

  subscribe: protectedProcedure.subscription(async function* ({ ctx, signal }) {
    yield* streamPresence(ctx.access, signal ?? new AbortController().signal);
  }),
});
