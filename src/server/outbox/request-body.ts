// The Cloud API request body for one stored outbound message, by its type: the one place that
// knows how each kind of message Switchboard sends is spelled on the wire (Meta's "messages"
// reference). The worker sends whatever this builds, with the same outbox guarantees for every type.

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
}

/** A message this version cannot send (a type added later, or damaged details): failed, not retried. */
export class UnsendableMessageError extends Error {}

export function messageRequestBody(phoneNumberId: string, to: string, message: OutboundMessage): object {
  switch (message.type) {
    case "text":
      return textMessageBody({ phoneNumberId, to, body: message.body, callbackData: message.id });
    default:
      throw new UnsendableMessageError(`Switchboard cannot send a message of type "${message.type}"`);
  }
}
