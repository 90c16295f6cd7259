// The presence stream in-process against a real SQLite file: typing is filtered by the viewer's
// inboxes as they are now (a membership change applies without a reconnect), and the stream of a
// deactivated user ends.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";
import { waitFor } from "../../../testing/wait";
import type { TPresenceUpdate } from "@/shared/presence";

const database = createTempDatabase();
const { db } = await import("../db/client");
const { bus } = await import("../bus");
const { bootstrap } = await import("../bootstrap");
const { writeWithEvents } = await import("../events/log");
const { loadAccess } = await import("../services/access");
const { streamPresence } = await import("./presence-stream");

const typist = { id: "user-ada", name: "Ada" };
let supportInboxId: string;
const viewer = { id: "user-sam", email: "sam@example.com", name: "Sam Sales", role: "agent" as const };

beforeAll(async () => {
  await bootstrap();
  supportInboxId = (await db().read.inbox.findFirstOrThrow()).id;
  await db().transaction(async (tx) => {
    await tx.inbox.create({ data: { id: "inbox-sales", name: "Sales", phoneNumberId: "200000000000077" } });
    await tx.user.create({ data: { ...viewer, passwordHash: "not-used" } });
    await tx.inboxMember.create({ data: { userId: viewer.id, inboxId: "inbox-sales" } });
  });
});
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));

/** The change and its access.changed event in one transaction, as the admin pages write them. */
async function changeAccess(change: (tx: Parameters<Parameters<typeof writeWithEvents>[0]>[0]) => Promise<unknown>) {
  await writeWithEvents(async (tx, record) => {
    await change(tx);
    await record({ inboxId: null, conversationId: null, userId: viewer.id }, { type: "access.changed", userId: viewer.id });
  });
}

const typing = (inboxId: string, conversationId: string) =>
  bus().publishSignal({ type: "typing", inboxId, conversationId, user: typist, typing: true });

describe("presence stream", () => {
  it("shows typing in the viewer's inboxes as they are now, and ends when the viewer is deactivated", async () => {
    const controller = new AbortController();
    const updates: TPresenceUpdate[] = [];
    let ended = false;
    void (async () => {
      for await (const update of streamPresence(await loadAccess(viewer), controller.signal)) updates.push(update);
      ended = true;
    })();
    const seen = () => updates.flatMap((update) => (update.type === "typing" ? [update.conversationId] : []));
    await waitFor(() => updates.length > 0, "the first snapshot");
    expect(updates[0]).toEqual({ type: "online", users: [] });

    typing(supportInboxId, "support-1");
    typing("inbox-sales", "sales-1");
    await waitFor(() => seen().length === 1, "the sales signal");
    expect(seen()).toEqual(["sales-1"]);

    await changeAccess((tx) => tx.inboxMember.create({ data: { userId: viewer.id, inboxId: supportInboxId } }));
    // The access is re-read off the publisher's turn; a signal sent once it is in is shown.
    await waitFor(async () => {
      typing(supportInboxId, "support-2");
      await new Promise((resolve) => setTimeout(resolve, 20));
      return seen().includes("support-2");
    }, "support typing after joining the inbox");
    expect(seen()).not.toContain("support-1");

    await changeAccess((tx) => tx.user.update({ where: { id: viewer.id }, data: { active: false } }));
    await waitFor(() => ended, "the stream ends");
    expect(controller.signal.aborted).toBe(false);
  });
});
