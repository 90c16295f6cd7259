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

    bus.publishSignal({ type: "heartbeat", user: alan });
    bus.publishSignal({ type: "heartbeat", user: ada });
    await waitFor(() => tracker.online().length === 2, "both online");
    expect(tracker.online()).toEqual([ada, alan]);

    // Alan keeps beating, Ada goes quiet.
    const beat = setInterval(() => bus.publishSignal({ type: "heartbeat", user: alan }), 100);
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
    bus.publishSignal({ type: "heartbeat", user: ada });
    bus.publishSignal({ type: "heartbeat", user: { ...ada, name: "Ada Lovelace" } });
    await waitFor(() => tracker.online()[0]?.name === "Ada Lovelace", "renamed");
    expect(tracker.online()).toEqual([{ id: ada.id, name: "Ada Lovelace" }]);
  });
});
