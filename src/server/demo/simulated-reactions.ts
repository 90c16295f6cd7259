// The simulated WhatsApp's answer to a reaction send (Meta's "Reaction messages"): an emoji, or ""
// to take it back, on a message named by its wamid. Apart from the server, like graph-media.ts.
import { z } from "zod";
import { invalidParameterError, type GraphError, type TextSend } from "./graph-replies";

const ZReactionSend = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  to: z.string().regex(/^\+?[\d\s\-()]+$/),
  type: z.literal("reaction"),
  biz_opaque_callback_data: z.string().max(512).optional(),
});
const ZReaction = z.looseObject({ message_id: z.string().min(1), emoji: z.string().max(32) });

/** The reaction send's parts (body: the emoji), the Graph error to answer, or null when it is no reaction. */
export function parseReactionSend(rawBody: string): TextSend | GraphError | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const send = ZReactionSend.safeParse(json);
  if (!send.success) return null;
  const reaction = ZReaction.safeParse((json as Record<string, unknown>).reaction);
  if (!reaction.success) return invalidParameterError("Param reaction.message_id and reaction.emoji are required");
  if (!reaction.data.message_id.startsWith("wamid.")) return invalidParameterError("Param reaction.message_id is not a valid message id");
  const { to } = send.data;
  return { to, waId: to.replace(/\D/g, ""), body: reaction.data.emoji, bizOpaqueCallbackData: send.data.biz_opaque_callback_data };
}
