// Message templates for the composer's "Send a template" dialog: any agent who may see the
// conversation may list, refresh and send them.
import { z } from "zod";
import { ZSendTemplate } from "@/shared/templates";
import { listTemplates, sendTemplate } from "../../services/outbound/templates";
import { protectedProcedure, router } from "../trpc";

const ZConversation = z.object({ conversationId: z.string().min(1).max(100) });

export const templateRouter = router({
  list: protectedProcedure.input(ZConversation).query(({ ctx, input }) => listTemplates(ctx.access, input.conversationId)),
  /** Reads the inbox's templates from WhatsApp again, then lists them. */
  refresh: protectedProcedure.input(ZConversation).mutation(({ ctx, input }) => listTemplates(ctx.access, input.conversationId, true)),
  /** Idempotent by the client-made `id`, like message.send. */
  send: protectedProcedure.input(ZSendTemplate).mutation(({ ctx, input }) => sendTemplate(ctx.access, input)),
});
