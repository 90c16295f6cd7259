// The log shows the server's messages and then this browser's unconfirmed replies; a reply is
// never shown twice, whichever of the send's answer and the live event comes first.
import { describe, expect, it } from "vitest";
import type { TMessage } from "@/shared/dto";
import { buildLogEntries } from "./log-entries";
import { EMPTY_QUEUE, enqueue, rejectReply, type OutboxQueue, type QueuedReply } from "./outbox-queue";

const stored = (id: string, overrides: Partial<TMessage> = {}): TMessage => ({
  id,
  conversationId: "c1",
  direction: "outbound",
  type: "text",
  body: `stored ${id}`,
  status: "queued",
  statusReason: null,
  timestamp: "2026-11-22T10:00:00.000Z",
  sortKey: `000000000001.000000000000000001.${id}`,
  details: null,
  authorName: "Alan Agent",
  ...overrides,
});

const queued = (id: string): QueuedReply => ({
  id,
  conversationId: "c1",
  body: `queued ${id}`,
  createdAt: "2026-11-22T10:05:00.000Z",
  kind: "reply",
  rejectedReason: null,
});

const queueOf = (...replies: QueuedReply[]): OutboxQueue => replies.reduce(enqueue, EMPTY_QUEUE);
const options = { waiting: false, authorName: "Alan Agent" };

describe("the log's entries", () => {
  it("puts unconfirmed replies after the stored messages, in the order written, as queued", () => {
    const entries = buildLogEntries([stored("m1")], queueOf(queued("r1"), queued("r2")), options);
    expect(entries.map((entry) => [entry.message.id, entry.message.status, entry.local?.kind ?? "server"])).toEqual([
      ["m1", "queued", "server"],
      ["r1", "queued", "sending"],
      ["r2", "queued", "sending"],
    ]);
    expect(entries[1]!.message).toMatchObject({ direction: "outbound", body: "queued r1", authorName: "Alan Agent", timestamp: "2026-11-22T10:05:00.000Z" });
  });

  it("shows the server's copy instead of the queued one as soon as the server has it", () => {
    const server = stored("r1", { body: "queued r1", status: "sent" });
    const entries = buildLogEntries([stored("m1"), server], queueOf(queued("r1"), queued("r2")), options);
    expect(entries.map((entry) => entry.message.id)).toEqual(["m1", "r1", "r2"]);
    expect(entries[1]).toEqual({ message: server, local: null });
  });

  it("marks replies waiting while there is no connection, and refused ones with the reason", () => {
    const queue = rejectReply(queueOf(queued("r1"), queued("r2")), "r1", "Conversation not found");
    const entries = buildLogEntries([], queue, { ...options, waiting: true });
    expect(entries.map((entry) => entry.local)).toEqual([{ kind: "rejected", reason: "Conversation not found" }, { kind: "waiting" }]);
    expect(entries[0]!.message).toMatchObject({ status: "failed", statusReason: "Conversation not found" });
  });

  it("returns the server's messages untouched when nothing is queued", () => {
    const messages = [stored("m1")];
    expect(buildLogEntries(messages, EMPTY_QUEUE, options)).toEqual([{ message: messages[0], local: null }]);
  });
});
