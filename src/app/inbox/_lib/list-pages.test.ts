import { describe, expect, it } from "vitest";
import type { TConversationListItem, TMessage } from "@/shared/dto";
import { encodeListCursor } from "@/shared/list-cursor";
import { applyMessageToList, placeInList } from "./apply-event";
import { listOf, updatePages, type ListPages } from "./list-pages";

const item = (id: string, key: string): TConversationListItem => ({
  id,
  inboxId: "inbox",
  contact: { id: `contact-${id}`, waId: id, name: id },
  status: "open",
  assigneeId: null,
  revision: 0,
  lastMessageAt: "2026-01-01T00:00:00.000Z",
  lastPreview: "",
  lastPreviewType: "text",
  lastInboundAt: null,
  lastMessageKey: key,
  labelIds: [],
  unreadCount: 0,
});

/** Two pages of two, and more to come after "b2" (key 05). */
function twoPages(finished = false): ListPages<string | null> {
  const second = [item("b1", "06"), item("b2", "05")];
  return {
    pages: [
      { items: [item("a1", "09"), item("a2", "08")], nextCursor: encodeListCursor(second[0]!) },
      { items: second, nextCursor: finished ? null : encodeListCursor(second[1]!) },
    ],
    pageParams: [null, "x"],
  };
}
const ids = (data: ListPages) => listOf(data.pages).map((entry) => entry.id);

describe("a conversation list in pages", () => {
  it("reads as one list, each conversation once", () => {
    const data = twoPages();
    data.pages[1]!.items.push(item("a1", "09"));
    expect(ids(data)).toEqual(["a1", "a2", "b1", "b2"]);
  });

  it("moves a conversation from a later page to the top, keeping page sizes and cursors", () => {
    const data = twoPages();
    const moved = updatePages(data, (list) => applyMessageToList(list, { ...item("b2", "10") }, messageWith("10"), true));
    expect(ids(moved)).toEqual(["b2", "a1", "a2", "b1"]);
    expect(moved.pages.map((page) => page.items.length)).toEqual([2, 2]);
    expect(moved.pages.map((page) => page.nextCursor)).toEqual(data.pages.map((page) => page.nextCursor));
    expect(moved.pageParams).toBe(data.pageParams);
  });

  it("adds a conversation new to the list where it sorts within the loaded part", () => {
    const added = updatePages(twoPages(), (list) => placeInList(list, () => true, item("n", "07"), 2));
    expect(ids(added)).toEqual(["a1", "a2", "n", "b1", "b2"]);
  });

  it("leaves a conversation that sorts below the loaded part to the page that will bring it", () => {
    const data = twoPages();
    expect(updatePages(data, (list) => placeInList(list, () => true, item("old", "01"), 0))).toBe(data);
  });

  it("keeps it when the list is complete", () => {
    const added = updatePages(twoPages(true), (list) => placeInList(list, () => true, item("old", "01"), 0));
    expect(ids(added)).toEqual(["a1", "a2", "b1", "b2", "old"]);
  });

  it("returns the same data when nothing changes", () => {
    const data = twoPages();
    expect(updatePages(data, (list) => list)).toBe(data);
  });
});

function messageWith(sortKey: string): TMessage {
  return {
    id: `m-${sortKey}`,
    conversationId: "b2",
    direction: "inbound",
    type: "text",
    body: "hi",
    status: "received",
    statusReason: null,
    timestamp: "2026-01-01T00:00:00.000Z",
    sortKey,
    details: null,
    authorName: null,
  };
}
