// The wire form of events: whatever is left out comes back exactly, through JSON as it travels,
// for events whose summary repeats the message and for those whose does not (a late message, a
// note, a reply with a failure reason, an assigned and labelled conversation, a sort key of
// another shape); and a short text message's frame is smaller.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactEvent, expandEvent } from "./event-wire";
import { ZAppEvent, type TAppEvent } from "./events";
import { formatSortKey, secondOf } from "./sort-key";

const iso = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString());
const key = fc.string({ minLength: 1, maxLength: 12 });

/** A message.created event; each summary field either repeats the message or says something else. */
const messageCreated = fc
  .record({
    conversationId: key,
    otherConversationId: fc.option(key, { nil: null }),
    message: fc.record({
      id: key,
      direction: fc.constantFrom("inbound", "outbound", "note"),
      type: fc.constantFrom("text", "image", "reaction"),
      body: fc.string({ maxLength: 30 }),
      status: fc.constantFrom("received", "queued", "failed"),
      statusReason: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
      timestamp: iso,
      sortKey: fc.constant(""),
      details: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })), { nil: null }),
      authorName: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
      replyTo: fc.option(fc.record({ id: fc.option(key, { nil: null }), direction: fc.constantFrom("inbound", "outbound", null), type: fc.option(key, { nil: null }), body: fc.string({ maxLength: 10 }) }), { nil: null }),
      reactions: fc.option(fc.record({ rev: fc.nat(5), customer: fc.record({ emoji: fc.constantFrom("👍", ""), at: iso, byName: fc.string({ maxLength: 8 }), wamid: fc.option(key, { nil: null }) }) }), { nil: null }),
    }),
    arrival: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
    otherKey: key,
    // A key sent a second later than the message's time says cannot be rebuilt from it.
    keySecondLater: fc.boolean(),
    assigneeId: fc.option(key, { nil: null }),
    status: fc.constantFrom("open", "pending", "resolved"),
    revision: fc.nat(3),
    labelIds: fc.array(key, { maxLength: 2 }),
    repeats: fc.record({ lastMessageKey: fc.boolean(), lastMessageAt: fc.boolean(), lastPreview: fc.boolean(), lastPreviewType: fc.boolean(), lastInboundAt: fc.constantFrom("same", "other", "null") }),
    others: fc.record({ lastMessageKey: key, lastMessageAt: iso, lastPreview: fc.string({ maxLength: 30 }), lastPreviewType: fc.constantFrom("text", "video"), lastInboundAt: iso }),
  })
  .map(({ conversationId, otherConversationId, message: drawn, arrival, otherKey, keySecondLater, assigneeId, status, revision, labelIds, repeats, others }): TAppEvent => {
    // A key made from the message's own time and id (what the server makes), or any other string.
    const sortKey = arrival === null ? otherKey : formatSortKey(secondOf(drawn.timestamp) + (keySecondLater ? 1 : 0), arrival, drawn.id);
    const message = { ...drawn, sortKey };
    const event = {
      type: "message.created",
      conversation: {
        id: conversationId,
        inboxId: "inbox-1",
        contact: { id: "contact-1", name: "Ana", waId: "15550001111" },
        status,
        assigneeId,
        revision,
        lastMessageKey: repeats.lastMessageKey ? message.sortKey : others.lastMessageKey,
        lastMessageAt: repeats.lastMessageAt ? message.timestamp : others.lastMessageAt,
        lastPreview: repeats.lastPreview ? message.body : others.lastPreview,
        lastPreviewType: repeats.lastPreviewType ? message.type : others.lastPreviewType,
        lastInboundAt: repeats.lastInboundAt === "same" ? message.timestamp : repeats.lastInboundAt === "other" ? others.lastInboundAt : null,
        labelIds,
      },
      message: { ...message, conversationId: otherConversationId ?? conversationId },
    };
    return ZAppEvent.parse(event);
  });

const travelled = (event: TAppEvent) => expandEvent(JSON.parse(JSON.stringify(compactEvent(event))) as ReturnType<typeof compactEvent>);

describe("events on the wire", () => {
  it("expand to exactly the event that was compacted", () => {
    fc.assert(
      fc.property(messageCreated, (event) => {
        expect(travelled(event)).toEqual(event);
      }),
      { numRuns: 500 },
    );
  });

  it("leave every other kind of event as it is", () => {
    const status: TAppEvent = { type: "message.status", conversationId: "c1", messageId: "m1", status: "read", reason: null };
    expect(compactEvent(status)).toBe(status);
    expect(travelled(status)).toEqual(status);
  });

  it("make a new conversation's first text message under 45% of its size", () => {
    const sortKey = formatSortKey(secondOf("2026-01-01T00:00:00.000Z"), 1_767_225_600_123_456, "7e1d2c3b-4a59-4687-9a5b-c4d3e2f1a0b9");
    const event = ZAppEvent.parse({
      type: "message.created",
      conversation: {
        id: "5b0c3f5e-8a51-4d5e-9a0e-2d1f0f6c9b11",
        inboxId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
        contact: { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Ana Souza", waId: "5511955550142" },
        status: "open",
        assigneeId: null,
        revision: 0,
        lastMessageKey: sortKey,
        lastMessageAt: "2026-01-01T00:00:00.000Z",
        lastPreview: "Is my order ready?",
        lastPreviewType: "text",
        lastInboundAt: "2026-01-01T00:00:00.000Z",
        labelIds: [],
      },
      message: {
        id: "7e1d2c3b-4a59-4687-9a5b-c4d3e2f1a0b9",
        conversationId: "5b0c3f5e-8a51-4d5e-9a0e-2d1f0f6c9b11",
        direction: "inbound",
        type: "text",
        body: "Is my order ready?",
        status: "received",
        statusReason: null,
        timestamp: "2026-01-01T00:00:00.000Z",
        sortKey,
        details: null,
        authorName: null,
        replyTo: null,
        reactions: null,
      },
    });
    const full = JSON.stringify(event).length;
    const compact = JSON.stringify(compactEvent(event)).length;
    expect(compact).toBeLessThan(full * 0.45);
    expect(travelled(event)).toEqual(event);
  });
});
