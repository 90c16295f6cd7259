import { z } from "zod";
import { ZSendMessage } from "@/shared/dto";
import { retryMessage, sendMessage } from "../../services/outbound/replies";
import { addNote } from "../../services/conversations/notes";
import { sendMediaMessage } from "../../services/outbound/media";
import { ZSendMedia } from "@/shared/send-media";
import { protectedProcedure, router } from "../trpc";
import { reactToMessage } from "../../reactions/outbound";
import { ZReact } from "@/shared/reactions";

export const messageRouter = router({
  /** Idempotent by the client-made `id`: a repeated send returns the message stored the first time. */
  send: protectedProcedure.input(ZSendMessage).mutation(({ ctx, input }) => sendMessage(ctx.access, input)),

  /** A file uploaded to /api/uploads, with an optional caption; idempotent by `id` like `send`. */
  sendMedia: protectedProcedure.input(ZSendMedia).mutation(({ ctx, input }) => sendMediaMessage(ctx.access, input)),

  /** A private note for the team, never sent to WhatsApp; idempotent by `id` like `send`. */
  note: protectedProcedure.input(ZSendMessage).mutation(({ ctx, input }) => addNote(ctx.access, input)),

  /** The business's reaction to a message ("" takes it back), sent through the outbox; idempotent by `id`. */
  react: protectedProcedure.input(ZReact).mutation(({ ctx, input }) => reactToMessage(ctx.access, input)),

  /** Queues a failed reply again; returns the message as it now is. */
  retry: protectedProcedure
    .input(z.object({ messageId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => retryMessage(ctx.access, input.messageId)),
});
