// The Cloud API request body for one stored outbound message, by its type: the one place that
// knows how each kind of message Switchboard sends is spelled on the wire (Meta's "messages"
// reference). The worker sends whatever this builds, with the same outbox guarantees for every type.
import { z } from "zod";
import { templateMessageBody } from "./template-body";
import { mediaMessageBody } from "./media-body";
import { said } from "@/shared/server-text";
import { TextError } from "../services/errors";

export interface TextSend {
  phoneNumberId: string;
  to: string;
  body: string;
  /** Our message id; WhatsApp echoes it in the status webhooks for this message. */
  callbackData: string;
}

/** The documented body of a free-form text message. */
export function textMessageBody(send: TextSend) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: send.to,
    type: "text",
    text: { preview_url: false, body: send.body },
    biz_opaque_callback_data: send.callbackData,
  };
}

/** An outbound message as claimJob reads it. */
export interface OutboundMessage {
  id: string;
  type: string;
  body: string;
  /** The message's stored details (JSON of strings), or null. */
  details: string | null;
  /** A reply: the wamid it quotes. A reaction: the wamid it reacts to. */
  replyToWamid?: string | null;
}

/** A message this version cannot send (a type added later, or damaged details): failed, not retried. */
export class UnsendableMessageError extends TextError {}

/** The body for `message`; a reply of any kind quotes its message by `context` (Meta's "Reply messages"). */
export function messageRequestBody(phoneNumberId: string, to: string, message: OutboundMessage): object {
  const body = bodyOfType(phoneNumberId, to, message);
  if (message.type === "reaction" || !message.replyToWamid) return body;
  return { ...body, context: { message_id: message.replyToWamid } };
}

function bodyOfType(phoneNumberId: string, to: string, message: OutboundMessage): object {
  switch (message.type) {
    case "text":
      return textMessageBody({ phoneNumberId, to, body: message.body, callbackData: message.id });
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return mediaMessageBody(to, message.type, message);
    case "template":
      return templateMessageBody(to, message);
    case "reaction":
      return reactionMessageBody(to, message);
    default:
      throw new UnsendableMessageError(said("sendUnknownType", { type: message.type }));
  }
}

const ZReactionDetails = z.object({ emoji: z.string().max(32) });

/** Our reaction (details.emoji, "" to take it back) to the message with wamid `replyToWamid`. */
function reactionMessageBody(to: string, message: OutboundMessage) {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(message.details ?? "null");
  } catch {
    // damaged details: refused below like missing ones
  }
  const details = ZReactionDetails.safeParse(parsed);
  if (!message.replyToWamid || !details.success) throw new UnsendableMessageError(said("sendReactionIncomplete"));
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "reaction",
    reaction: { message_id: message.replyToWamid, emoji: details.data.emoji },
    biz_opaque_callback_data: message.id,
  };
}
