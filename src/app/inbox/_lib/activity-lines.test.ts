// The sentence an activity line reads, the same for a live change and a reloaded one; where a live
// change goes in the cached history (once); and where changes sit among the messages.
import { describe, expect, it } from "vitest";
import { activityOf, type TActivity, type TConversationChange } from "@/shared/activity";
import type { TAssignmentActor } from "@/shared/events";
import type { TConversationSummary, TMessage } from "@/shared/dto";
import { englishTranslator } from "@/i18n/test-translator";
import { describeActivity, insertActivity } from "./activity-lines";
import type { MessagePages } from "./apply-event";
import { buildLogEntries, withActivity } from "./log-entries";
import { EMPTY_QUEUE, enqueue } from "./outbox-queue";

const NAMES: Record<string, string> = { ada: "Ada Admin", alan: "Alan Agent" };
const nameOf = (id: string) => NAMES[id];
const AT = "2026-11-22T12:03:00.000Z";

const line = (change: Omit<TConversationChange, "at"> & Record<string, unknown>, actor: TAssignmentActor | null, id = "1"): TActivity =>
  ({ id, conversationId: "c1", actor, change: { ...change, at: AT } }) as TActivity;
const ada = { kind: "user", userId: "ada" } as const;
const alan = { kind: "user", userId: "alan" } as const;

describe("an activity line's sentence", () => {
  it("says who changed what, and says nothing about who when nobody is known", () => {
    const cases: [TActivity, string][] = [
      [line({ field: "assignee", from: null, to: "alan" }, ada), "Ada Admin assigned this to Alan Agent"],
      [line({ field: "assignee", from: null, to: "alan" }, alan), "Alan Agent took this"],
      [line({ field: "assignee", from: null, to: "alan" }, { kind: "auto-assignment" }), "Assigned automatically to Alan Agent"],
      [line({ field: "assignee", from: null, to: "alan" }, null), "Assigned to Alan Agent"],
      [line({ field: "assignee", from: "alan", to: null }, ada), "Ada Admin unassigned this"],
      [line({ field: "assignee", from: "alan", to: null }, null), "Unassigned"],
      [line({ field: "status", from: "open", to: "resolved" }, alan), "Alan Agent resolved this"],
      [line({ field: "status", from: "resolved", to: "open" }, alan), "Alan Agent reopened this"],
      [line({ field: "status", from: "resolved", to: "open" }, null), "Reopened"],
      [line({ field: "status", from: "open", to: "pending" }, ada), "Ada Admin marked this pending"],
      [line({ field: "assignee", from: null, to: "gone" }, { kind: "user", userId: "left" }), "Someone assigned this to someone"],
      [
        { ...line({ field: "assignee", from: null, to: "gone" }, { kind: "user", userId: "left" }), names: { left: "Lena Left", gone: "Gus Gone" } },
        "Lena Left assigned this to Gus Gone",
      ],
      [{ ...line({ field: "assignee", from: null, to: "alan" }, ada), names: { ada: "Ada Before", alan: "Alan Before" } }, "Ada Admin assigned this to Alan Agent"],
      [line({ field: "labels", added: [{ id: "l1", name: "Billing" }], removed: [] }, ada), "Ada Admin added the label Billing"],
      [line({ field: "labels", added: [], removed: [{ id: "l1", name: "Billing" }] }, alan), "Alan Agent removed the label Billing"],
      [
        line({ field: "labels", added: [{ id: "l1", name: "Billing" }, { id: "l2", name: "VIP" }], removed: [{ id: "l3", name: "Old" }] }, ada),
        "Ada Admin added Billing and VIP, removed the label Old",
      ],
      [line({ field: "labels", added: [{ id: "l1", name: "Billing" }], removed: [] }, null), "Added the label Billing"],
    ];
    for (const [activity, sentence] of cases) expect(describeActivity(activity, nameOf, englishTranslator("Activity"), "en")).toBe(sentence);
  });

  it("comes from a live conversation.updated event that describes its change, and from no other", () => {
    const conversation = { id: "c1" } as TConversationSummary;
    const change = { field: "assignee", from: null, to: "alan", at: AT } as const;
    expect(activityOf("7", { type: "conversation.updated", conversation, actor: ada, change })).toEqual({
      id: "7",
      conversationId: "c1",
      actor: ada,
      change,
    });
    expect(activityOf("8", { type: "conversation.updated", conversation })).toBeNull();
  });
});

describe("activity in the cached history", () => {
  const data: MessagePages = {
    pages: [
      { messages: [], olderCursor: "k", activity: [] },
      { messages: [], olderCursor: null, activity: [] },
    ],
    pageParams: [null, "k"],
  };

  it("goes into the newest page once, however often the event arrives", () => {
    const activity = line({ field: "status", from: "open", to: "resolved" }, alan, "9");
    const once = insertActivity(data, activity);
    expect(once.pages[0]!.activity).toEqual([activity]);
    expect(once.pages[1]!.activity).toEqual([]);
    expect(insertActivity(once, activity)).toBe(once);
  });

  it("sits after the messages sent before it, and before this browser's unconfirmed replies", () => {
    const message = (id: string, timestamp: string): TMessage => ({
      id,
      conversationId: "c1",
      direction: "inbound",
      type: "text",
      body: id,
      status: "received",
      statusReason: null,
      timestamp,
      sortKey: `${timestamp}.${id}`,
      details: null,
      authorName: null,
    });
    const queue = enqueue(EMPTY_QUEUE, { id: "r1", conversationId: "c1", body: "r1", createdAt: AT, kind: "reply", rejectedReason: null });
    const entries = buildLogEntries([message("m1", "2026-11-22T12:00:00.000Z"), message("m2", "2026-11-22T12:02:00.000Z")], queue, {
      waiting: false,
      authorName: "Alan Agent",
    });
    const between = { ...line({ field: "assignee", from: null, to: "alan" }, ada, "a1"), change: { field: "assignee", from: null, to: "alan", at: "2026-11-22T12:01:00.000Z" } } as TActivity;
    const after = line({ field: "status", from: "open", to: "resolved" }, alan, "a2");
    const order = withActivity(entries, [between, after]).map((item) => (item.kind === "message" ? item.entry.message.id : item.activity.id));
    expect(order).toEqual(["m1", "a1", "m2", "a2", "r1"]);
  });
});
