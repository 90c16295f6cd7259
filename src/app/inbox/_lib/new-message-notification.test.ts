import { describe, expect, it } from "vitest";
import type { TConversationSummary, TMessage } from "@/shared/dto";
import type { TAppEvent } from "@/shared/events";
import { englishTranslator } from "@/i18n/test-translator";
import { newMessageNotification, type NotificationContext } from "./new-message-notification";
import { previewText } from "./preview-text";

const conversation: TConversationSummary = {
  id: "conv-1",
  inboxId: "inbox-1",
  contact: { id: "contact-1", name: "Maria Silva", waId: "15550001111" },
  status: "open",
  assigneeId: null,
  revision: 0,
  lastMessageAt: "2026-01-01T10:00:00.000Z",
  lastPreview: "Is my order ready?",
  lastPreviewType: "text",
  lastInboundAt: "2026-01-01T10:00:00.000Z",
  lastMessageKey: "key-2",
  labelIds: [],
};
const message: TMessage = {
  id: "msg-2",
  conversationId: "conv-1",
  direction: "inbound",
  type: "text",
  body: "Is my order ready?",
  status: "received",
  statusReason: null,
  timestamp: "2026-01-01T10:00:00.000Z",
  sortKey: "key-2",
  details: null,
  authorName: null,
};
const created = (changes: { conversation?: Partial<TConversationSummary>; message?: Partial<TMessage> } = {}): TAppEvent => ({
  type: "message.created",
  conversation: { ...conversation, ...changes.conversation },
  message: { ...message, ...changes.message },
});
const context: NotificationContext = { userId: "me", pageHidden: true, startCursor: 10, alreadyNotified: false, inCache: false };

describe("new message notification", () => {
  it("names the contact, previews the message and is tagged with the conversation", () => {
    expect(newMessageNotification("11", created(), context)).toEqual({
      conversationId: "conv-1",
      messageId: "msg-2",
      title: "Maria Silva",
      body: "Is my order ready?",
      tag: "conv-1",
    });
  });

  it("is for conversations assigned to this agent or to nobody", () => {
    expect(newMessageNotification("11", created({ conversation: { assigneeId: "me" } }), context)).not.toBeNull();
    expect(newMessageNotification("11", created({ conversation: { assigneeId: "someone-else" } }), context)).toBeNull();
  });

  it("is only for a customer's message, only while the tab is hidden", () => {
    expect(newMessageNotification("11", created({ message: { direction: "outbound", status: "queued" } }), context)).toBeNull();
    expect(newMessageNotification("11", created({ message: { direction: "note" } }), context)).toBeNull();
    expect(newMessageNotification("11", created(), { ...context, pageHidden: false })).toBeNull();
    const status: TAppEvent = { type: "message.status", conversationId: "conv-1", messageId: "msg-2", status: "read", reason: null };
    expect(newMessageNotification("11", status, context)).toBeNull();
  });

  it("never notifies twice, nor for what a replay after a reconnect brings back", () => {
    expect(newMessageNotification("11", created(), { ...context, alreadyNotified: true })).toBeNull();
    expect(newMessageNotification("11", created(), { ...context, inCache: true })).toBeNull();
    expect(newMessageNotification("10", created(), context)).toBeNull();
    expect(newMessageNotification("9", created(), context)).toBeNull();
  });

  it("says what media is as the list does, and shortens long text", () => {
    const describing = { ...context, describe: (type: string, body: string) => previewText(type, body, englishTranslator("Preview")) };
    const photo = created({ message: { type: "image", body: "" }, conversation: { lastPreview: "" } });
    expect(newMessageNotification("11", photo, describing)?.body).toBe("📷 Photo");
    const late = created({ message: { type: "image", body: "Box", sortKey: "key-1" } });
    expect(newMessageNotification("11", late, describing)?.body).toBe("📷 Photo: Box");
    expect(newMessageNotification("11", created({ message: { type: "image", body: "" } }), context)?.body).toBe("New message");
    const long = newMessageNotification("11", created({ message: { body: `${"word ".repeat(60)}\n\nend` } }), context);
    expect(long?.body).toHaveLength(140);
    expect(long?.body.endsWith("…")).toBe(true);
  });
});
