// Labels: everyone signed in reads them and labels the conversations they may see; admins keep the
// list (checked before the input, as on the other admin forms).
import { plainParser } from "../plain-parser";
import { deleteLabel, listLabels, saveLabel } from "../../services/labels";
import { setConversationLabels } from "../../services/labels/conversation-labels";
import { ZCreateLabel, ZLabelId, ZSetConversationLabels, ZUpdateLabel } from "../../services/labels/input";
import { adminProcedure, protectedProcedure, router } from "../trpc";

export const labelRouter = router({
  list: protectedProcedure.query(() => listLabels()),
  create: adminProcedure.input(plainParser(ZCreateLabel)).mutation(({ input }) => saveLabel(input)),
  update: adminProcedure.input(plainParser(ZUpdateLabel)).mutation(({ input }) => saveLabel(input)),
  delete: adminProcedure.input(plainParser(ZLabelId)).mutation(({ input }) => deleteLabel(input.id)),
  /** The conversation's labels become exactly these. */
  setForConversation: protectedProcedure
    .input(plainParser(ZSetConversationLabels))
    .mutation(({ ctx, input }) => setConversationLabels(ctx.access, input.conversationId, input.labelIds)),
});
