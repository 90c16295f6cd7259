// A conversation's activity in its log, against the real server over HTTP, on SQLite and (with
// SWITCHBOARD_TEST_DATABASE=postgresql) on PostgreSQL: an admin assigns, the agent resolves, the
// customer's message reopens; read back with the history, in order, with who did each; paged with
// the messages; and hidden, with the history, from an agent of another inbox. Auto-assignment too.
import { TRPCClientError } from "@trpc/client";
import { afterAll, describe, expect, it } from "vitest";
import { createTeam, type Team, type TeamAgent } from "../../../../testing/auto-assign";
import { testApp } from "../../../../testing/test-app";
import { waitFor } from "../../../../testing/wait";
import type { TActivity } from "@/shared/activity";

const app = testApp({ signIn: ["admin"] });
const teams: Team[] = [];
afterAll(() => teams.forEach((team) => team.close()));

const errorCode = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return (error.data as { code?: string } | undefined)?.code;
};

/** The activity of every page of the history, oldest first, reading `limit` messages a page. */
async function allActivity(client: TeamAgent["client"], conversationId: string, limit: number): Promise<TActivity[]> {
  const pages: TActivity[][] = [];
  let cursor: string | null = null;
  do {
    const page: { activity: TActivity[]; olderCursor: string | null } = await client.conversation.messages.query({ conversationId, cursor, limit });
    pages.push(page.activity);
    cursor = page.olderCursor;
  } while (cursor);
  return pages.toReversed().flat();
}

const summary = (activity: TActivity[]) =>
  activity.map(({ actor, change }) => ({ actor, field: change.field, ...(change.field === "labels" ? {} : { from: change.from, to: change.to }) }));

describe("activity in the log", () => {
  it("is read back from the event log with the history, in order, with who did each, for those who see it", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Alan Activity"] });
    const other = await createTeam(app.server, app.admin, { agents: ["Olga Otherinbox"] });
    teams.push(team, other);
    const alan = team.agents[0]!;
    const olga = other.agents[0]!;
    const adminId = (await app.admin.client.admin.people.list.query()).find((person) => person.email === "admin@example.com")!.id;

    const conversationId = await team.newConversation("My order is late");
    await app.admin.client.conversation.assign.mutate({ conversationId, assigneeId: alan.id });
    await alan.client.conversation.setStatus.mutate({ conversationId, status: "resolved" });
    await team.writeAgain(conversationId, "Still late, actually");

    const expected = [
      { actor: { kind: "user", userId: adminId }, field: "assignee", from: null, to: alan.id },
      { actor: { kind: "user", userId: alan.id }, field: "status", from: "open", to: "resolved" },
      { actor: null, field: "status", from: "resolved", to: "open" },
    ];
    let activity: TActivity[] = [];
    await waitFor(async () => {
      activity = (await alan.client.conversation.messages.query({ conversationId, limit: 50 })).activity;
      return activity.length === expected.length;
    }, "the reopening is in the activity");
    expect(summary(activity)).toEqual(expected);
    expect(activity.map((line) => line.change.at)).toEqual(activity.map((line) => line.change.at).toSorted());
    // Each names the people it mentions as they were, so the line reads right after they leave.
    expect(activity.map((line) => line.names)).toEqual([{ [adminId]: "Ada Admin", [alan.id]: "Alan Activity" }, { [alan.id]: "Alan Activity" }, undefined]);

    // The admin reads the same; a page at a time, every change comes once, in the same order.
    expect((await app.admin.client.conversation.messages.query({ conversationId, limit: 50 })).activity).toEqual(activity);
    expect(await allActivity(app.admin.client, conversationId, 1)).toEqual(activity);

    // An agent of another inbox can read neither the history nor its activity.
    expect(await errorCode(olga.client.conversation.messages.query({ conversationId, limit: 50 }))).toBe("NOT_FOUND");
  });

  it("records auto-assignment as the inbox's doing, not a person's", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Ava Automatic"], autoAssign: true });
    teams.push(team);
    const ava = team.agents[0]!;
    await ava.comeOnline();
    const conversationId = await team.newConversation("Hello?");
    let activity: TActivity[] = [];
    await waitFor(async () => {
      activity = (await ava.client.conversation.messages.query({ conversationId, limit: 50 })).activity;
      return activity.length > 0;
    }, "the auto-assignment is in the activity");
    expect(summary(activity)).toEqual([{ actor: { kind: "auto-assignment" }, field: "assignee", from: null, to: ava.id }]);
  });
});
