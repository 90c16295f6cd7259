import { z } from "zod";
import { getConversation, listConversations, listMessages, markRead } from "../../services/conversations";
import { protectedProcedure, router } from "../trpc";

const ZId = z.string().min(1).max(100);
const ZSortKey = z.string().min(1).max(200);

export const conversationRouter = router({
  list: protectedProcedure.query(({ ctx }) => listConversations(ctx.access)),

  get: protectedProcedure.input(z.object({ id: ZId })).query(({ ctx, input }) => getConversation(ctx.access, input.id)),

  messages: protectedProcedure
    .input(
      z.object({
        conversationId: ZId,
        cursor: ZSortKey.nullish(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) =>
      listMessages(ctx.access, input.conversationId, { before: input.cursor, limit: input.limit }),
    ),

  markRead: protectedProcedure
    .input(z.object({ conversationId: ZId, upToKey: ZSortKey }))
    .mutation(({ ctx, input }) => markRead(ctx.access, input.conversationId, input.upToKey)),
});
