import { describe, expect, it } from "vitest";
import { NewestPerConversation, type Hit } from "./newest";

const MINUTE = 60;
/** A hit sent at `sent` seconds that arrived `delay` seconds later, in the key format of sort-key.ts. */
function hit(conversationId: string, sent: number, delay = 1, searchRow = 0): Hit {
  const arrival = String((sent + delay) * 1_000_000).padStart(18, "0");
  const messageId = `${conversationId}-${sent}`;
  return { conversationId, messageId, searchRow, sortKey: `${String(sent).padStart(12, "0")}.${arrival}.${messageId}` };
}

describe("NewestPerConversation", () => {
  it("keeps each conversation's newest hit and orders conversations by it", () => {
    const newest = new NewestPerConversation(10, new Set(["skip"]));
    for (const each of [hit("a", 1000), hit("b", 3000), hit("a", 2000), hit("skip", 9000), hit("a", 1500)]) newest.add(each);
    expect(newest.top().map((each) => each.messageId)).toEqual(["b-3000", "a-2000"]);
  });

  it("is settled once nothing that arrived before the hits read can be newer than the last one kept", () => {
    const newest = new NewestPerConversation(2, new Set());
    newest.add(hit("a", 100_000));
    newest.add(hit("b", 99_000));
    expect(newest.isSettled()).toBe(false); // b's hit is the oldest read: an older row could be as new
    newest.add(hit("c", 99_000 - 16 * MINUTE));
    expect(newest.isSettled()).toBe(true);
  });

  it("goes by when the hits read arrived, not when they were sent", () => {
    const newest = new NewestPerConversation(1, new Set());
    newest.add(hit("a", 100_000));
    // Sent long ago but arrived just now: rows stored before it may still be newer than "a".
    newest.add(hit("late", 10_000, 89_500));
    expect(newest.isSettled()).toBe(false);
    newest.add(hit("b", 80_000));
    expect(newest.isSettled()).toBe(true);
  });

  it("never settles on keys it cannot read the times of, and is settled at once with nothing to find", () => {
    const newest = new NewestPerConversation(1, new Set());
    newest.add({ conversationId: "a", messageId: "m", searchRow: 1, sortKey: "imported-key" });
    newest.add(hit("b", 1));
    expect(newest.isSettled()).toBe(false);
    expect(new NewestPerConversation(0, new Set()).isSettled()).toBe(true);
  });
});
