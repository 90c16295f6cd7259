import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../../testing/wait";
import { createMemoryBus } from "../bus/memory";
import type { TTeamMember } from "@/shared/presence";
import { createPresenceTracker, type PresenceTracker } from "./presence";

const ada = { id: "u-ada", name: "Ada Admin" };
const alan = { id: "u-alan", name: "Alan Agent" };

describe("presence tracker", () => {
  const bus = createMemoryBus();
  let tracker: PresenceTracker;
  afterEach(() => tracker.stop());

  it("lists a user after a heartbeat on the bus, sorted by name, and drops them after the timeout", async () => {
    tracker = createPresenceTracker((abort) => bus.subscribeSignals(abort), 300);
    const changes: TTeamMember[][] = [];
    tracker.onChange((online) => changes.push(online));

    bus.publishSignal({ type: "heartbeat", user: alan, inboxIds: ["support"] });
    bus.publishSignal({ type: "heartbeat", user: ada, inboxIds: "all" });
    await waitFor(() => tracker.online().length === 2, "both online");
    expect(tracker.online()).toEqual([ada, alan]);

    // Alan keeps beating, Ada goes quiet.
    const beat = setInterval(() => bus.publishSignal({ type: "heartbeat", user: alan, inboxIds: ["support"] }), 100);
    try {
      await waitFor(() => tracker.online().length === 1, "Ada gone", 2_000);
      expect(tracker.online()).toEqual([alan]);
    } finally {
      clearInterval(beat);
    }
    await waitFor(() => tracker.online().length === 0, "Alan gone", 2_000);
    // One change per arrival and departure; repeated heartbeats change nothing.
    expect(changes).toEqual([[alan], [ada, alan], [alan], []]);
  });

  it("reports a new name, and ignores typing signals", async () => {
    tracker = createPresenceTracker((abort) => bus.subscribeSignals(abort), 5_000);
    bus.publishSignal({ type: "typing", inboxId: "i", conversationId: "c", user: ada, typing: true });
    bus.publishSignal({ type: "heartbeat", user: ada, inboxIds: "all" });
    bus.publishSignal({ type: "heartbeat", user: { ...ada, name: "Ada Lovelace" }, inboxIds: "all" });
    await waitFor(() => tracker.online()[0]?.name === "Ada Lovelace", "renamed");
    expect(tracker.online()).toEqual([{ id: ada.id, name: "Ada Lovelace" }]);
  });

  it("shows a viewer only the people who share an inbox with them (admins share every inbox)", async () => {
    tracker = createPresenceTracker((abort) => bus.subscribeSignals(abort), 5_000);
    const sara = { id: "u-sara", name: "Sara Sales" };
    bus.publishSignal({ type: "heartbeat", user: ada, inboxIds: "all" });
    bus.publishSignal({ type: "heartbeat", user: alan, inboxIds: ["support"] });
    bus.publishSignal({ type: "heartbeat", user: sara, inboxIds: ["sales"] });
    await waitFor(() => tracker.online().length === 3, "all three online");
    const names = (viewer: Parameters<PresenceTracker["visibleTo"]>[0]) => tracker.visibleTo(viewer).map((user) => user.name);
    expect(names({ userId: sara.id, inboxIds: new Set(["sales"]) })).toEqual(["Ada Admin", "Sara Sales"]);
    expect(names({ userId: alan.id, inboxIds: new Set(["support", "billing"]) })).toEqual(["Ada Admin", "Alan Agent"]);
    expect(names({ userId: "u-new", inboxIds: new Set() })).toEqual(["Ada Admin"]);
    expect(names({ userId: ada.id, inboxIds: "all" })).toEqual(["Ada Admin", "Alan Agent", "Sara Sales"]);
  });
});
