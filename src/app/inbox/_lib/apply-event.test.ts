// The dashboard applies live events to its cache; a replayed event (after a reconnect) must change
// nothing, messages must never be doubled, and ticks must never go backwards.
import { describe, expect, it } from "vitest";
import type { TConversationListItem, TConversationSummary, TMessage } from "@/shared/dto";
import { applyMessageToList, applyReadToList, applyStatus, insertMessage, type MessagePages } from "./apply-event";

const key = (second: number, id: string) => `${String(second).padStart(12, "0")}.000000000000000000.${id}`;

function summary(id: string, second: number, preview: string): TConversationSummary {
  return {
    id,
    inboxId: "inbox",
    contact: { id: `contact-${id}`, name: `Name ${id}`, waId: "15550000000" },
    status: "open",
    assigneeId: null,
    lastMessageAt: new Date(second * 1000).toISOString(),
    lastPreview: preview,
    lastInboundAt: null,
    lastMessageKey: key(second, `m-${id}-${second}`),
  };
}

function message(conversationId: string, second: number, overrides: Partial<TMessage> = {}): TMessage {
  return {
    id: `m-${conversationId}-${second}`,
    conversationId,
    direction: "inbound",
    type: "text",
    body: `at ${second}`,
    status: "received",
    statusReason: null,
    timestamp: new Date(second * 1000).toISOString(),
    sortKey: key(second, `m-${conversationId}-${second}`),
    details: null,
    authorName: null,
    ...overrides,
  };
}

const pages = (...messages: TMessage[]): MessagePages => ({ pages: [{ messages, olderCursor: null }], pageParams: [null] });

describe("applying live events to the conversation list", () => {
  const list: TConversationListItem[] = [
    { ...summary("a", 20, "newest"), unreadCount: 0 },
    { ...summary("b", 10, "older"), unreadCount: 1 },
  ];

  it("moves a conversation with a new message to the top and counts it unread once", () => {
    const once = applyMessageToList(list, summary("b", 30, "new!"), message("b", 30), true);
    expect(once.map((item) => [item.id, item.lastPreview, item.unreadCount])).toEqual([
      ["b", "new!", 2],
      ["a", "newest", 0],
    ]);
    const replayed = applyMessageToList(once, summary("b", 30, "new!"), message("b", 30), true);
    expect(replayed).toBe(once);
  });

  it("adds a new conversation in order, and ignores a replay of an older event", () => {
    const added = applyMessageToList(list, summary("c", 15, "hello"), message("c", 15), true);
    expect(added.map((item) => item.id)).toEqual(["a", "c", "b"]);
    expect(applyMessageToList(list, summary("a", 5, "stale"), message("a", 5), true)).toBe(list);
  });

  it("clears the badge when this user read up to the newest message", () => {
    expect(applyReadToList(list, "b", list[1]!.lastMessageKey).find((item) => item.id === "b")?.unreadCount).toBe(0);
    expect(applyReadToList(list, "b", key(1, "x"))).toBe(list);
  });
});

describe("applying live events to a conversation's history", () => {
  it("inserts a message in sort order, once", () => {
    const history = pages(message("a", 10), message("a", 30));
    const withMiddle = insertMessage(history, message("a", 20));
    expect(withMiddle.pages[0]!.messages.map((item) => item.body)).toEqual(["at 10", "at 20", "at 30"]);
    expect(insertMessage(withMiddle, message("a", 20))).toBe(withMiddle);
  });

  it("moves a tick only forward, whatever order the statuses come in", () => {
    const outbound = message("a", 10, { direction: "outbound", status: "queued" });
    let history = pages(outbound);
    for (const status of ["read", "delivered", "sent"] as const) history = applyStatus(history, outbound.id, status, null);
    expect(history.pages[0]!.messages[0]!.status).toBe("read");
    expect(applyStatus(history, outbound.id, "failed", "too late")).toBe(history);
  });
});
