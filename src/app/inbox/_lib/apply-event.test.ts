// The dashboard applies live events to its cache; a replayed event (after a reconnect) must change
// nothing, messages must never be doubled, and ticks must never go backwards.
import { describe, expect, it } from "vitest";
import { matchesFilter } from "@/shared/conversation-filter";
import type { TConversationListItem, TConversationSummary, TMessage } from "@/shared/dto";
import {
  applyMessageToList,
  applyOwnReplyToList,
  applyReadToList,
  applyRetried,
  applyStatus,
  applySummary,
  fetchedSummary,
  insertMessage,
  mergeServerCopy,
  mergeSummary,
  placeInList,
  replaceMessage,
  type MessagePages,
} from "./apply-event";

const key = (second: number, id: string) => `${String(second).padStart(12, "0")}.000000000000000000.${id}`;

function summary(id: string, second: number, preview: string): TConversationSummary {
  return {
    id,
    inboxId: "inbox",
    contact: { id: `contact-${id}`, name: `Name ${id}`, waId: "15550000000" },
    status: "open",
    assigneeId: null,
    revision: 0,
    lastMessageAt: new Date(second * 1000).toISOString(),
    lastPreview: preview,
    lastPreviewType: "text",
    lastInboundAt: null,
    lastMessageKey: key(second, `m-${id}-${second}`),
    labelIds: [],
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

const pages = (...messages: TMessage[]): MessagePages => ({ pages: [{ messages, olderCursor: null, activity: [] }], pageParams: [null] });

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

describe("the conversation header's summary", () => {
  it("takes a newer summary, and the customer's latest message time even from an older one", () => {
    const current = { ...summary("a", 20, "newest"), lastInboundAt: new Date(10_000).toISOString() };
    const newer = { ...summary("a", 30, "newer"), lastInboundAt: new Date(5_000).toISOString() };
    expect(applySummary(current, newer)).toEqual({ ...newer, lastInboundAt: new Date(10_000).toISOString() });

    // A late customer message: not the newest message, but the customer's latest word.
    const late = { ...summary("a", 15, "late"), lastMessageKey: current.lastMessageKey, lastInboundAt: new Date(18_000).toISOString() };
    expect(applySummary(current, late)).toEqual({ ...current, lastInboundAt: new Date(18_000).toISOString() });
    expect(applySummary(current, { ...summary("a", 5, "old"), lastInboundAt: null })).toBe(current);
  });
});

describe("a reply sent from this tab meets the server's copies", () => {
  const reply = message("a", 40, { id: "reply-1", direction: "outbound", status: "queued", authorName: "Alan Agent", sortKey: key(40, "reply-1") });

  it("is stored once, whether the send's answer or the message.created event comes first", () => {
    const history = pages(message("a", 10));
    const answerFirst = insertMessage(mergeServerCopy(history, reply), reply);
    const eventFirst = mergeServerCopy(insertMessage(history, reply), reply);
    for (const result of [answerFirst, eventFirst]) {
      expect(result.pages[0]!.messages.map((item) => item.id)).toEqual(["m-a-10", "reply-1"]);
    }
    expect(mergeServerCopy(eventFirst, reply)).toBe(eventFirst);
  });

  it("never moves the tick back when the send's answer arrives after the stream moved on", () => {
    let history = insertMessage(pages(message("a", 10)), reply);
    history = applyStatus(history, reply.id, "sent", null);
    history = mergeServerCopy(history, reply); // the answer says "queued": it was, when stored
    expect(history.pages[0]!.messages[1]!.status).toBe("sent");
    // A resend of a reply that has since been read returns it as read; that moves forward.
    history = mergeServerCopy(history, { ...reply, status: "read" });
    expect(history.pages[0]!.messages[1]!.status).toBe("read");
  });

  it("moves the conversation to the top of the list with the reply as its preview, like the event will", () => {
    const list: TConversationListItem[] = [
      { ...summary("b", 30, "newest"), unreadCount: 0 },
      { ...summary("a", 20, "older"), unreadCount: 0 },
    ];
    const photo = { ...reply, type: "image" };
    const updated = applyOwnReplyToList(list, photo);
    expect(updated.map((item) => [item.id, item.lastPreviewType, item.lastPreview, item.lastMessageKey])).toEqual([
      ["a", "image", reply.body, reply.sortKey],
      ["b", "text", "newest", list[0]!.lastMessageKey],
    ]);
    expect(applyOwnReplyToList(updated, photo)).toBe(updated);
    // The event's summary for the same message then changes nothing.
    const eventSummary = { ...summary("a", 40, reply.body), lastPreviewType: "image", lastMessageKey: reply.sortKey };
    expect(applyMessageToList(updated, eventSummary, photo, false)).toBe(updated);
  });

  it("leaves the list and the preview alone for the user's own private note", () => {
    const list: TConversationListItem[] = [
      { ...summary("b", 30, "newest"), unreadCount: 0 },
      { ...summary("a", 20, "older"), unreadCount: 0 },
    ];
    const note = { ...reply, direction: "note" as const, status: "received" as const };
    expect(applyOwnReplyToList(list, note)).toBe(list);
    // The note's event carries the conversation as it was: nothing moves either.
    expect(applyMessageToList(list, summary("a", 20, "older"), note, false)).toBe(list);
  });
});

describe("retrying a failed reply", () => {
  const failed = message("a", 10, { id: "r", direction: "outbound", status: "failed", statusReason: "Re-engagement message (131047)" });
  const requeued = { ...failed, status: "queued" as const, statusReason: null };

  it("shows it queued again from retry's answer", () => {
    expect(applyRetried(pages(failed), requeued).pages[0]!.messages[0]).toEqual(requeued);
  });

  it("leaves a copy the stream has already moved on", () => {
    const sent = applyStatus(replaceMessage(pages(failed), requeued), "r", "sent", null);
    expect(applyRetried(sent, requeued)).toBe(sent);
    expect(sent.pages[0]!.messages[0]!.status).toBe("sent");
  });
});

describe("status and assignee changes in the filtered lists", () => {
  const me = "user-me";
  const mineOpen = (item: TConversationSummary) => matchesFilter({ view: "mine", status: "open" }, item, me);
  const base = summary("a", 20, "hello");
  const assigned = { ...base, assigneeId: me, revision: 1 };
  const resolved = { ...assigned, status: "resolved" as const, labelIds: ["billing"], revision: 2 };

  it("keeps the newer of two summaries field by field, whichever arrives last", () => {
    const newerMessage = { ...summary("a", 30, "later words"), lastPreviewType: "image", revision: 0 };
    const merged = mergeSummary(resolved, newerMessage);
    expect(merged).toMatchObject({ status: "resolved", assigneeId: me, labelIds: ["billing"], revision: 2, lastPreview: "later words", lastPreviewType: "image" });
    expect(mergeSummary(newerMessage, resolved)).toEqual(merged);
    expect(mergeSummary(merged, assigned)).toBe(merged);
  });

  it("keeps this tab's newer labels when a fetch that read before the change lands after it", () => {
    const renamed = { ...assigned, contact: { ...assigned.contact, name: "Renamed" } };
    const kept = fetchedSummary(resolved, renamed);
    expect(kept).toMatchObject({ status: "resolved", labelIds: ["billing"], revision: 2, contact: { name: "Renamed" } });
    expect(fetchedSummary(assigned, resolved)).toBe(resolved);
    expect(fetchedSummary(undefined, assigned)).toBe(assigned);
  });

  it("moves a conversation into a list when it starts to match, and out when it stops", () => {
    let list: TConversationListItem[] = [];
    list = placeInList(list, mineOpen, assigned, 3);
    expect(list.map((item) => [item.id, item.unreadCount])).toEqual([["a", 3]]);
    list = placeInList(list, mineOpen, resolved, 0);
    expect(list).toEqual([]);
  });

  it("moves a conversation into a label's list when it gets the label, and out when it loses it", () => {
    const billing = (item: TConversationSummary) => matchesFilter({ view: "all", status: "all", label: "billing" }, item, me);
    let list: TConversationListItem[] = [];
    list = placeInList(list, billing, { ...base, revision: 1 }, 0);
    expect(list).toEqual([]);
    list = placeInList(list, billing, { ...base, labelIds: ["vip", "billing"], revision: 2 }, 1);
    expect(list.map((item) => item.labelIds)).toEqual([["vip", "billing"]]);
    list = placeInList(list, billing, { ...base, labelIds: ["vip"], revision: 3 }, 0);
    expect(list).toEqual([]);
  });

  it("ignores an older change for a conversation it lists, and ends right when changes are replayed in order", () => {
    const list = placeInList([], mineOpen, assigned, 0);
    expect(placeInList(list, mineOpen, base, 0)).toBe(list);
    // A reconnect replays every change after the cursor, in log order: the last one decides.
    const replayed = [base, assigned, resolved].reduce((current, change) => placeInList(current, mineOpen, change, 0), list);
    expect(replayed).toEqual([]);
  });

  it("drops a conversation from a list when its new message carries a status that no longer matches", () => {
    const list = placeInList([], mineOpen, assigned, 0);
    const reopenedElsewhere = { ...summary("a", 40, "new"), assigneeId: "someone-else", revision: 3 };
    expect(applyMessageToList(list, reopenedElsewhere, message("a", 40), true, mineOpen)).toEqual([]);
  });
});
