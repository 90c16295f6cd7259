import { describe, expect, it } from "vitest";
import type { TMessage } from "@/shared/dto";
import type { TReactions } from "@/shared/reactions";
import { applyReactions } from "./apply-reactions";

const message: TMessage = {
  id: "m1",
  conversationId: "c1",
  direction: "inbound",
  type: "text",
  body: "hi",
  status: "received",
  statusReason: null,
  timestamp: "2026-01-01T00:00:00.000Z",
  sortKey: "k1",
  details: null,
  authorName: null,
};
const data = { pages: [{ messages: [message], olderCursor: null, activity: [] }], pageParams: [null] };
const reactions = (rev: number, emoji: string): TReactions => ({
  rev,
  customer: { emoji, at: "2026-01-01T00:00:01.000Z", byName: "Ana", wamid: `w${rev}`, sendId: null, failed: null },
});

describe("applyReactions", () => {
  it("puts the newer reactions on the message, and ignores an older or repeated copy", () => {
    const once = applyReactions(data, "m1", reactions(2, "👍"));
    expect(once.pages[0]!.messages[0]!.reactions?.customer?.emoji).toBe("👍");
    expect(applyReactions(once, "m1", reactions(1, "❤️"))).toBe(once);
    expect(applyReactions(once, "m1", reactions(2, "👍"))).toBe(once);
  });

  it("leaves the cache alone for a message it does not have", () => {
    expect(applyReactions(data, "other", reactions(1, "👍"))).toBe(data);
  });
});
