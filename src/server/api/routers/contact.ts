// The contact panel: reading a conversation's contact and changing its name, note and attributes.
// Access is decided by the services through access.ts; input is bounded by src/shared/contacts.ts.
import { plainParser } from "../plain-parser";
import { getContactPanel, removeAttribute, saveAttribute, updateContact } from "../../services/contacts";
import { ZContactPanelInput, ZRemoveAttribute, ZSaveAttribute, ZUpdateContact } from "@/shared/contacts";
import { protectedProcedure, router } from "../trpc";

export const contactRouter = router({
  /** The panel beside a conversation: its contact, when they first wrote, their other conversations. */
  panel: protectedProcedure.input(plainParser(ZContactPanelInput)).query(({ ctx, input }) => getContactPanel(ctx.access, input.conversationId)),
  update: protectedProcedure.input(plainParser(ZUpdateContact)).mutation(({ ctx, input }) => updateContact(ctx.access, input)),
  saveAttribute: protectedProcedure.input(plainParser(ZSaveAttribute)).mutation(({ ctx, input }) => saveAttribute(ctx.access, input)),
  removeAttribute: protectedProcedure.input(plainParser(ZRemoveAttribute)).mutation(({ ctx, input }) => removeAttribute(ctx.access, input)),
});
