// Canned responses: shared ones are written by admins only (checked before the input, as on the
// other admin forms); anyone may keep their own. Reading goes through the one visibility rule.
import { plainParser } from "../plain-parser";
import {
  cannedResponsesFor,
  createOwn,
  createShared,
  deleteOwn,
  deleteShared,
  listCannedResponses,
  updateOwn,
  updateShared,
} from "../../services/canned-responses";
import { ZCannedId, ZCreateOwn, ZCreateShared, ZForConversation, ZUpdateOwn, ZUpdateShared } from "../../services/canned-responses/input";
import { adminProcedure, protectedProcedure, router } from "../trpc";

const sharedRouter = router({
  create: adminProcedure.input(plainParser(ZCreateShared)).mutation(({ input }) => createShared(input)),
  update: adminProcedure.input(plainParser(ZUpdateShared)).mutation(({ input }) => updateShared(input)),
  delete: adminProcedure.input(plainParser(ZCannedId)).mutation(({ input }) => deleteShared(input.id)),
});

const ownRouter = router({
  create: protectedProcedure.input(plainParser(ZCreateOwn)).mutation(({ ctx, input }) => createOwn(ctx.access, input)),
  update: protectedProcedure.input(plainParser(ZUpdateOwn)).mutation(({ ctx, input }) => updateOwn(ctx.access, input)),
  delete: protectedProcedure.input(plainParser(ZCannedId)).mutation(({ ctx, input }) => deleteOwn(ctx.access, input.id)),
});

export const cannedResponseRouter = router({
  /** Everything the caller may see: shared ones of the inboxes they see, and their own. */
  list: protectedProcedure.query(({ ctx }) => listCannedResponses(ctx.access)),
  /** What the composer offers in one conversation, with the values for its placeholders. */
  forConversation: protectedProcedure
    .input(plainParser(ZForConversation))
    .query(({ ctx, input }) => cannedResponsesFor(ctx.access, ctx.user.name, input.conversationId)),
  shared: sharedRouter,
  own: ownRouter,
});
