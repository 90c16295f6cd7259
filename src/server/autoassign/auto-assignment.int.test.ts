// Auto-assignment against the real server over HTTP and WebSockets, on SQLite and (with
// SWITCHBOARD_TEST_DATABASE=postgresql) on PostgreSQL: round robin among online members, capacity,
// the waiting queue (oldest first, when someone frees up or comes online), reopened conversations,
// and off by default. Each test has an inbox and agents of its own; presence lasts the whole file.
import { afterAll, describe, expect, it } from "vitest";
import { createTeam, type Team, type TeamAgent } from "../../../testing/auto-assign";
import { collectFromNow } from "../../../testing/live";
import { testApp } from "../../../testing/test-app";
import { waitFor } from "../../../testing/wait";

const app = testApp({ signIn: ["admin"], env: { PRESENCE_TIMEOUT_MS: "900000", PRESENCE_HEARTBEAT_MS: "300000" } });
const teams: Team[] = [];
afterAll(() => teams.forEach((team) => team.close()));

async function team(options: Parameters<typeof createTeam>[2]): Promise<Team> {
  const created = await createTeam(app.server, app.admin, options);
  teams.push(created);
  return created;
}

const conversation = (id: string) => app.admin.client.conversation.get.query({ id });
const assigneeOf = async (id: string) => (await conversation(id)).assigneeId;

/** Waits until the conversation is assigned (to `agent`, when given); returns the assignee. */
async function assignedTo(conversationId: string, agent?: TeamAgent): Promise<string> {
  let assignee: string | null = null;
  await waitFor(async () => {
    assignee = await assigneeOf(conversationId);
    return assignee !== null && (agent === undefined || assignee === agent.id);
  }, `conversation assigned${agent ? ` to ${agent.name}` : ""}`);
  return assignee!;
}

describe("auto-assignment", () => {
  it("is off by default: an inbox's new conversations stay unassigned", async () => {
    const manual = await team({ agents: ["Olive Offdefault"] });
    const olive = manual.agents[0]!;
    expect((await app.admin.client.admin.inboxes.list.query()).find((inbox) => inbox.id === manual.inboxId)?.autoAssign).toBe(false);
    await olive.comeOnline();
    const untouched = await manual.newConversation();

    // Later, in an inbox that does auto-assign, a conversation goes to the same online agent: the
    // pass that gave it to her had the first one before it, and left it alone.
    const auto = await team({ agents: [], autoAssign: true });
    await app.admin.client.admin.inboxes.setMembers.mutate({ inboxId: auto.inboxId, userIds: [olive.id] });
    await assignedTo(await auto.newConversation(), olive);
    expect(await assigneeOf(untouched)).toBeNull();
  });

  it("goes round robin between two online agents, live in the agent's Mine, recorded as automatic", async () => {
    const { agents, newConversation } = await team({ agents: ["Ada Round", "Bob Robin"], autoAssign: true });
    const [ada] = agents as [TeamAgent, TeamAgent];
    await Promise.all(agents.map((agent) => agent.comeOnline()));
    const adaStream = await collectFromNow(ada.connection);

    const given: string[] = [];
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      ids.push(await newConversation());
      given.push(await assignedTo(ids.at(-1)!));
    }
    expect(given[0]).not.toBe(given[1]);
    expect(given[2]).toBe(given[0]);
    expect(given[3]).toBe(given[1]);
    expect(new Set(given)).toEqual(new Set(agents.map((agent) => agent.id)));

    // Ada's dashboard was told of hers as they happened, each marked as auto-assignment's doing.
    const adasIds = ids.filter((_, n) => given[n] === ada.id);
    await waitFor(
      () =>
        adasIds.every((id) =>
          adaStream.events.some(
            (event) =>
              event.type === "conversation.updated" &&
              event.conversation.id === id &&
              event.conversation.assigneeId === ada.id &&
              event.actor?.kind === "auto-assignment",
          ),
        ),
      "Ada's assignments reached her live stream",
    );
    adaStream.unsubscribe();
    const mine = (await ada.client.conversation.list.query({ view: "mine", status: "all", limit: 50 })).items.map((item) => item.id);
    expect(mine.sort()).toEqual([...adasIds].sort());
  });

  it("gives nothing to an agent who is offline", async () => {
    const { agents, newConversation } = await team({ agents: ["Carl Online", "Dora Offline"], autoAssign: true });
    const [carl] = agents as [TeamAgent, TeamAgent];
    await carl.comeOnline();
    for (let n = 0; n < 3; n++) await assignedTo(await newConversation(), carl);
  });

  it("respects capacity, and the oldest waiting conversation goes to the agent who frees up", async () => {
    const { agents, newConversation } = await team({ agents: ["Eve Capacity"], autoAssign: true, maxOpen: 1 });
    const [eve] = agents as [TeamAgent];
    expect((await app.admin.client.admin.people.list.query()).find((person) => person.id === eve.id)?.maxOpenConversations).toBe(1);
    await eve.comeOnline();
    const first = await newConversation();
    await assignedTo(first, eve);
    const second = await newConversation();
    const third = await newConversation();
    const fourth = await newConversation();

    // Resolving her one open conversation frees her: the oldest waiting one is hers, the rest wait.
    await eve.client.conversation.setStatus.mutate({ conversationId: first, status: "resolved" });
    await assignedTo(second, eve);
    expect(await assigneeOf(third)).toBeNull();
    expect(await assigneeOf(fourth)).toBeNull();

    // Letting go of one frees her too (the one let go of does not come back by itself).
    await eve.client.conversation.assign.mutate({ conversationId: second, assigneeId: null });
    await assignedTo(third, eve);
    expect(await assigneeOf(second)).toBeNull();
    expect(await assigneeOf(fourth)).toBeNull();

    // So does an admin raising her capacity.
    await app.admin.client.admin.people.setMaxOpenConversations.mutate({ userId: eve.id, maxOpenConversations: 2 });
    await assignedTo(fourth, eve);
    expect(await assigneeOf(second)).toBeNull();
  });

  it("gives the oldest waiting conversation to an agent who comes online", async () => {
    const { agents, newConversation } = await team({ agents: ["Finn Latecomer"], autoAssign: true, maxOpen: 1 });
    const [finn] = agents as [TeamAgent];
    const older = await newConversation();
    const newer = await newConversation();
    expect(await assigneeOf(older)).toBeNull();

    await finn.comeOnline();
    await assignedTo(older, finn);
    expect(await assigneeOf(newer)).toBeNull();
  });

  it("auto-assigns a reopened conversation that nobody holds", async () => {
    const { agents, newConversation, writeAgain } = await team({ agents: ["Gus Reopen"], autoAssign: true });
    const [gus] = agents as [TeamAgent];
    await gus.comeOnline();
    const id = await newConversation();
    await assignedTo(id, gus);
    await gus.client.conversation.assign.mutate({ conversationId: id, assigneeId: null });
    await gus.client.conversation.setStatus.mutate({ conversationId: id, status: "resolved" });
    expect(await conversation(id)).toMatchObject({ assigneeId: null, status: "resolved" });

    await writeAgain(id);
    await assignedTo(id, gus);
    expect((await conversation(id)).status).toBe("open");
  });

  it("refuses a capacity that is not a whole number from 0 to 1000", async () => {
    const { agents } = await team({ agents: ["Hal Bounds"] });
    await expect(
      app.admin.client.admin.people.setMaxOpenConversations.mutate({ userId: agents[0]!.id, maxOpenConversations: -1 }),
    ).rejects.toThrow(/Max open conversations/);
    await expect(
      app.admin.client.admin.people.setMaxOpenConversations.mutate({ userId: agents[0]!.id, maxOpenConversations: 2.5 }),
    ).rejects.toThrow(/Max open conversations/);
  });
});
