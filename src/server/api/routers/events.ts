import { tracked } from "@trpc/server";
import { z } from "zod";
import { latestEventId, streamEvents } from "../../services/event-stream";
import { protectedProcedure, router } from "../trpc";

export const eventsRouter = router({
  /** The newest event id: start a subscription from here after loading a snapshot. */
  cursor: protectedProcedure.query(async () => ({ lastEventId: String(await latestEventId()) })),

  subscribe: protectedProcedure
    // lastEventId must be declared, or it is stripped and a reconnect replays nothing (DESIGN.md).
    .input(z.object({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const abort = signal ?? new AbortController().signal;
      // Over a WebSocket the same events, in the same frames, are written by the fan-out hub:
      // encoded once per process rather than once per socket. This generator then yields nothing
      // and ends with the stream.
      if (ctx.live) return await ctx.live.run(ctx.access, input.lastEventId, abort);
      for await (const event of streamEvents(ctx.access, input.lastEventId, abort, ctx.signedInAt ?? null)) {
        yield tracked(event.id, event.data);
      }
    }),
});
