// The reply context and reaction request bodies against Meta's "Reply messages" and "Reaction messages".
import { describe, expect, it } from "vitest";
import { messageRequestBody, UnsendableMessageError } from "./request-body";

const to = "15550109876";
const quoted = "wamid.QUOTED";

describe("messageRequestBody for replies and reactions", () => {
  it("quotes the replied-to message with context.message_id", () => {
    const body = messageRequestBody("1", to, { id: "m1", type: "text", body: "Yes!", details: null, replyToWamid: quoted });
    expect(body).toMatchObject({ type: "text", text: { body: "Yes!" }, context: { message_id: quoted }, biz_opaque_callback_data: "m1" });
    expect(messageRequestBody("1", to, { id: "m2", type: "text", body: "Hi", details: null })).not.toHaveProperty("context");
  });

  it("sends a reaction, and an empty emoji to take it back, without context", () => {
    const react = (emoji: string) =>
      messageRequestBody("1", to, { id: "r1", type: "reaction", body: "", details: JSON.stringify({ emoji }), replyToWamid: quoted });
    expect(react("👍")).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "reaction",
      reaction: { message_id: quoted, emoji: "👍" },
      biz_opaque_callback_data: "r1",
    });
    expect(react("")).toMatchObject({ reaction: { message_id: quoted, emoji: "" } });
  });

  it("refuses a reaction without its message or emoji", () => {
    expect(() => messageRequestBody("1", to, { id: "r2", type: "reaction", body: "", details: "{oops", replyToWamid: quoted })).toThrow(UnsendableMessageError);
    expect(() => messageRequestBody("1", to, { id: "r3", type: "reaction", body: "", details: '{"emoji":"👍"}' })).toThrow(UnsendableMessageError);
  });
});
