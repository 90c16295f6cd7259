// The outbox keeps replies written in this browser until the server has them: in the order
// written, each id once, refused ones set aside, and stored in a shape a reload can read back.
import { describe, expect, it } from "vitest";
import {
  EMPTY_QUEUE,
  enqueue,
  nextToSend,
  parseQueue,
  rejectReply,
  removeReply,
  serializeQueue,
  storageKey,
  userStoragePrefix,
  type QueuedReply,
} from "./outbox-queue";

const reply = (id: string, body = `body ${id}`): QueuedReply => ({
  id,
  conversationId: "c1",
  body,
  createdAt: "2026-11-22T10:00:00.000Z",
  kind: "reply",
  rejectedReason: null,
});

describe("the order replies go out in", () => {
  it("is the order they were written", () => {
    const queue = enqueue(enqueue(enqueue(EMPTY_QUEUE, reply("a")), reply("b")), reply("c"));
    expect(queue.map((item) => item.id)).toEqual(["a", "b", "c"]);
    expect(nextToSend(queue)?.id).toBe("a");
    expect(nextToSend(removeReply(queue, "a"))?.id).toBe("b");
  });

  it("holds each id once, keeping the first copy and its place", () => {
    const queue = enqueue(enqueue(EMPTY_QUEUE, reply("a", "first")), reply("b"));
    const again = enqueue(queue, reply("a", "second"));
    expect(again).toBe(queue);
    expect(again.map((item) => [item.id, item.body])).toEqual([
      ["a", "first"],
      ["b", "body b"],
    ]);
  });

  it("skips a refused reply, so it never blocks the ones after it, and never sends it again", () => {
    const queue = rejectReply(enqueue(enqueue(EMPTY_QUEUE, reply("a")), reply("b")), "a", "Conversation not found");
    expect(queue[0]).toMatchObject({ id: "a", rejectedReason: "Conversation not found" });
    expect(nextToSend(queue)?.id).toBe("b");
    expect(nextToSend(removeReply(queue, "b"))).toBeUndefined();
    expect(rejectReply(queue, "a", "again")).toBe(queue);
  });

  it("returns the same queue when nothing changes", () => {
    const queue = enqueue(EMPTY_QUEUE, reply("a"));
    expect(removeReply(queue, "missing")).toBe(queue);
    expect(rejectReply(queue, "missing", "why")).toBe(queue);
  });
});

describe("the stored form", () => {
  it("reads entries stored before notes existed as replies", () => {
    const old = '[{"id":"a","conversationId":"c1","body":"hi","createdAt":"2026-11-22T10:00:00.000Z","rejectedReason":null}]';
    expect(parseQueue(old).map((item) => item.kind)).toEqual(["reply"]);
  });

  it("round-trips through JSON, order and refusals included", () => {
    const note = { ...reply("b", "Olá 👋\nsecond line"), kind: "note" as const };
    const queue = rejectReply(enqueue(enqueue(EMPTY_QUEUE, reply("a")), note), "a", "No access");
    const stored = serializeQueue(queue);
    expect(stored).not.toBeNull();
    expect(JSON.parse(stored!)).toEqual([
      { id: "a", kind: "reply", conversationId: "c1", body: "body a", createdAt: "2026-11-22T10:00:00.000Z", rejectedReason: "No access" },
      { id: "b", kind: "note", conversationId: "c1", body: "Olá 👋\nsecond line", createdAt: "2026-11-22T10:00:00.000Z", rejectedReason: null },
    ]);
    expect(parseQueue(stored)).toEqual(queue);
  });

  it("leaves nothing behind when the queue is empty", () => {
    expect(serializeQueue(EMPTY_QUEUE)).toBeNull();
    expect(parseQueue(null)).toBe(EMPTY_QUEUE);
  });

  it("drops what it cannot read, entry by entry, and doubles", () => {
    expect(parseQueue("not json")).toEqual([]);
    expect(parseQueue('{"id":"a"}')).toEqual([]);
    const mixed = JSON.stringify([reply("a"), { id: "broken" }, reply("a"), 42, reply("b")]);
    expect(parseQueue(mixed).map((item) => item.id)).toEqual(["a", "b"]);
  });

  it("is keyed per user and per conversation", () => {
    const key = storageKey("agent@example.com", "conv:1");
    expect(key).toBe("switchboard.outbox.v1:agent%40example.com:conv%3A1");
    expect(key.startsWith(userStoragePrefix("agent@example.com"))).toBe(true);
    expect(key.startsWith(userStoragePrefix("agent@example.co"))).toBe(false);
    expect(storageKey("admin@example.com", "conv:1")).not.toBe(key);
  });
});
