import { z } from "zod";
import { CONVERSATION_PAGE_SIZE, ZConversationListInput } from "@/shared/conversation-page";
import { CONVERSATION_STATUSES } from "@/shared/dto";
import { assignConversation, listAssignees, setConversationStatus } from "../../services/conversations/assignment";
import {
  countConversations,
  getConversation,
  listConversations,
  listMessages,
  markRead,
} from "../../services/conversations/read";
import { protectedProcedure, router } from "../trpc";

const ZId = z.string().min(1).max(100);
const ZSortKey = z.string().min(1).max(200);

export const conversationRouter = router({
  /** One page of the list, newest first; pass a page's `nextCursor` back as `cursor` for the next. */
  list: protectedProcedure
    .input(ZConversationListInput.default({ view: "all", status: "all", limit: CONVERSATION_PAGE_SIZE }))
    .query(({ ctx, input }) => listConversations(ctx.access, input)),

  /** The numbers beside the list's filters, and the unread total for the tab title. */
  counts: protectedProcedure.query(({ ctx }) => countConversations(ctx.access)),

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

  /** Who may be assigned: the active people who can see the conversation. */
  assignees: protectedProcedure
    .input(z.object({ conversationId: ZId }))
    .query(({ ctx, input }) => listAssignees(ctx.access, input.conversationId)),

  /** `assigneeId` null unassigns. Agents take unassigned conversations and let go of their own. */
  assign: protectedProcedure
    .input(z.object({ conversationId: ZId, assigneeId: ZId.nullable() }))
    .mutation(({ ctx, input }) => assignConversation(ctx.user, ctx.access, input.conversationId, input.assigneeId)),

  setStatus: protectedProcedure
    .input(z.object({ conversationId: ZId, status: z.enum(CONVERSATION_STATUSES) }))
    .mutation(({ ctx, input }) => setConversationStatus(ctx.access, input.conversationId, input.status)),

  markRead: protectedProcedure
    .input(z.object({ conversationId: ZId, upToKey: ZSortKey }))
    .mutation(({ ctx, input }) => markRead(ctx.access, input.conversationId, input.upToKey)),
});
