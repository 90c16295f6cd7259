// Labels over real HTTP and WebSocket against the real server: admins keep the list (validated,
// names unique whatever their case), anyone who sees a conversation labels it, nobody else can,
// every change is an event that reaches the dashboards that may see it, the activity in the log
// names the labels, and deleting a label takes it off its conversations.
import { randomBytes } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { createTeam } from "../../../../testing/auto-assign";
import { collectFromNow } from "../../../../testing/live";
import { testApp } from "../../../../testing/test-app";
import { waitFor } from "../../../../testing/wait";

const app = testApp({ signIn: ["admin"] });

const unique = () => randomBytes(3).toString("hex");

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
};

describe("the team's labels", () => {
  it("are kept by admins: validated, unique by name whatever its case, renamed and recoloured", async () => {
    const name = `Billing ${unique()}`;
    const label = await app.admin.client.label.create.mutate({ name: `  ${name}  `, color: "amber" });
    expect(label).toMatchObject({ name, color: "amber" });
    expect(await errorOf(app.admin.client.label.create.mutate({ name: name.toUpperCase(), color: "sky" }))).toEqual({
      code: "CONFLICT",
      message: `Name: there is a label called ${name.toUpperCase()} already`,
    });
    expect(await errorOf(app.admin.client.label.create.mutate({ name: "   ", color: "sky" }))).toMatchObject({ code: "BAD_REQUEST", message: "Name: write a name" });
    expect(await errorOf(app.admin.client.label.create.mutate({ name: "x".repeat(41), color: "sky" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await errorOf(app.admin.client.label.create.mutate({ name: "Odd", color: "chartreuse" as "sky" })),
    ).toMatchObject({ code: "BAD_REQUEST", message: "Colour: choose one of the colours offered" });

    const renamed = await app.admin.client.label.update.mutate({ id: label.id, name: `${name} (EU)`, color: "violet" });
    expect(renamed).toEqual({ id: label.id, name: `${name} (EU)`, color: "violet" });
    expect(await app.admin.client.label.list.query()).toContainEqual(renamed);
    expect(await errorOf(app.admin.client.label.update.mutate({ id: "no-such-label", name: "Nope", color: "red" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("are read by agents but changed only by admins", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Lena Label"] });
    try {
      const [agent] = team.agents;
      const label = await app.admin.client.label.create.mutate({ name: `VIP ${unique()}`, color: "emerald" });
      expect(await agent!.client.label.list.query()).toContainEqual(label);
      expect(await errorOf(agent!.client.label.create.mutate({ name: "Mine", color: "red" }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(agent!.client.label.delete.mutate({ id: label.id }))).toMatchObject({ code: "FORBIDDEN" });
    } finally {
      team.close();
    }
  });
});

describe("a conversation's labels", () => {
  it("are set by anyone who sees it, live for the others, with an activity line naming them", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Lars Labeller", "Other Inbox"] });
    const elsewhere = await createTeam(app.server, app.admin, { agents: ["Outsider Olga"] });
    try {
      const [agent] = team.agents;
      const [outsider] = elsewhere.agents;
      const [billing, vip] = await Promise.all([
        app.admin.client.label.create.mutate({ name: `Billing ${unique()}`, color: "amber" }),
        app.admin.client.label.create.mutate({ name: `VIP ${unique()}`, color: "emerald" }),
      ]);
      const conversationId = await team.newConversation("My invoice is wrong");
      const adminLive = await collectFromNow(app.admin);
      const outsiderLive = await collectFromNow(outsider!.connection);

      const labelled = await agent!.client.label.setForConversation.mutate({ conversationId, labelIds: [billing!.id, vip!.id] });
      expect(labelled.labelIds).toEqual([billing!.id, vip!.id]);
      await waitFor(() => adminLive.events.some((event) => event.type === "conversation.updated"), "the admin's dashboard told");
      const update = adminLive.events.find((event) => event.type === "conversation.updated");
      expect(update).toMatchObject({
        conversation: { id: conversationId, labelIds: [billing!.id, vip!.id] },
        actor: { kind: "user", userId: agent!.id },
        change: { field: "labels", added: [{ id: billing!.id, name: billing!.name }, { id: vip!.id, name: vip!.name }], removed: [] },
      });
      expect((await app.admin.client.conversation.get.query({ id: conversationId })).labelIds).toEqual([billing!.id, vip!.id]);
      expect((await app.admin.client.conversation.list.query()).items.find((item) => item.id === conversationId)?.labelIds).toEqual([billing!.id, vip!.id]);

      // The same set again changes nothing; taking one off is one more change.
      const revision = labelled.revision;
      expect((await agent!.client.label.setForConversation.mutate({ conversationId, labelIds: [billing!.id, vip!.id] })).revision).toBe(revision);
      const unlabelled = await app.admin.client.label.setForConversation.mutate({ conversationId, labelIds: [vip!.id] });
      expect(unlabelled).toMatchObject({ labelIds: [vip!.id], revision: revision + 1 });
      const { activity } = await agent!.client.conversation.messages.query({ conversationId });
      expect(activity.map(({ change }) => change)).toEqual([
        expect.objectContaining({ field: "labels", added: [{ id: billing!.id, name: billing!.name }, { id: vip!.id, name: vip!.name }], removed: [] }),
        expect.objectContaining({ field: "labels", added: [], removed: [{ id: billing!.id, name: billing!.name }] }),
      ]);

      // Someone who cannot see the conversation can neither label it nor hear of it.
      expect(await errorOf(outsider!.client.label.setForConversation.mutate({ conversationId, labelIds: [] }))).toMatchObject({ code: "NOT_FOUND" });
      expect(outsiderLive.events.filter((event) => event.type === "conversation.updated")).toEqual([]);
    } finally {
      team.close();
      elsewhere.close();
    }
  });

  it("refuses a label that does not exist and more than ten, and loses a deleted label everywhere", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Dora Deleted"] });
    try {
      const [agent] = team.agents;
      const conversationId = await team.newConversation("Hello");
      expect(await errorOf(agent!.client.label.setForConversation.mutate({ conversationId, labelIds: ["no-such-label"] }))).toMatchObject({ code: "NOT_FOUND" });
      expect(
        await errorOf(agent!.client.label.setForConversation.mutate({ conversationId, labelIds: Array.from({ length: 11 }, (_, index) => `label-${index}`) })),
      ).toMatchObject({ code: "BAD_REQUEST", message: "A conversation takes at most 10 labels" });

      const [gone, stays] = await Promise.all([
        app.admin.client.label.create.mutate({ name: `Gone ${unique()}`, color: "red" }),
        app.admin.client.label.create.mutate({ name: `Stays ${unique()}`, color: "sky" }),
      ]);
      await agent!.client.label.setForConversation.mutate({ conversationId, labelIds: [gone!.id, stays!.id] });
      const agentLive = await collectFromNow(agent!.connection);
      await app.admin.client.label.delete.mutate({ id: gone!.id });
      await waitFor(() => agentLive.events.some((event) => event.type === "labels.changed"), "the team told the labels changed");
      expect((await agent!.client.label.list.query()).map((label) => label.id)).not.toContain(gone!.id);
      expect((await agent!.client.conversation.get.query({ id: conversationId })).labelIds).toEqual([stays!.id]);
      expect(await errorOf(app.admin.client.label.delete.mutate({ id: gone!.id }))).toMatchObject({ code: "NOT_FOUND" });
      // Its last label taken off the same way leaves none.
      await app.admin.client.label.delete.mutate({ id: stays!.id });
      expect((await agent!.client.conversation.get.query({ id: conversationId })).labelIds).toEqual([]);
    } finally {
      team.close();
    }
  });
});

describe("two people labelling one conversation at once", () => {
  it("end with the conversation's labels and the label filter agreeing", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Rae Racer", "Ray Racer"] });
    try {
      const [rae, ray] = team.agents;
      const [x, y] = await Promise.all([
        app.admin.client.label.create.mutate({ name: `Race X ${unique()}`, color: "sky" }),
        app.admin.client.label.create.mutate({ name: `Race Y ${unique()}`, color: "pink" }),
      ]);
      for (let round = 0; round < 5; round++) {
        const conversationId = await team.newConversation(`race ${round}`);
        await Promise.all([
          rae!.client.label.setForConversation.mutate({ conversationId, labelIds: [x!.id] }),
          ray!.client.label.setForConversation.mutate({ conversationId, labelIds: [y!.id] }),
        ]);
        const { labelIds } = await rae!.client.conversation.get.query({ id: conversationId });
        expect(labelIds.length).toBe(1);
        for (const label of [x!, y!]) {
          const listed = (await rae!.client.conversation.list.query({ label: label.id })).items.some((item) => item.id === conversationId);
          expect(listed).toBe(labelIds.includes(label.id));
        }
      }
    } finally {
      team.close();
    }
  });
});

describe("a label deleted while someone puts it on a conversation", () => {
  it("is either on it until the deletion takes it off, or refused as not found: never a server error", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Del Racer"] });
    try {
      const [agent] = team.agents;
      for (let round = 0; round < 8; round++) {
        const label = await app.admin.client.label.create.mutate({ name: `Doomed ${unique()}`, color: "red" });
        const conversationId = await team.newConversation(`doomed ${round}`);
        const [labelling, deleting] = await Promise.allSettled([
          agent!.client.label.setForConversation.mutate({ conversationId, labelIds: [label.id] }),
          app.admin.client.label.delete.mutate({ id: label.id }),
        ]);
        expect(deleting.status).toBe("fulfilled");
        if (labelling.status === "rejected") {
          expect((labelling.reason as TRPCClientError<never>).data).toMatchObject({ code: "NOT_FOUND" });
        }
        // Afterwards the label is nowhere: not on the conversation, not in the filter.
        expect((await agent!.client.conversation.get.query({ id: conversationId })).labelIds).toEqual([]);
        expect((await agent!.client.conversation.list.query({ label: label.id })).items).toEqual([]);
        expect((await agent!.client.label.list.query()).some((known) => known.id === label.id)).toBe(false);
      }
    } finally {
      team.close();
    }
  });
});

describe("the list filtered by a label", () => {
  it("shows only that label's conversations, page by page, with counts per view and status", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Fiona Filter"] });
    try {
      const [agent] = team.agents;
      const [refund, urgent] = await Promise.all([
        app.admin.client.label.create.mutate({ name: `Refund ${unique()}`, color: "red" }),
        app.admin.client.label.create.mutate({ name: `Urgent ${unique()}`, color: "amber" }),
      ]);
      const first = await team.newConversation("first");
      const second = await team.newConversation("second");
      const third = await team.newConversation("third");
      await agent!.client.label.setForConversation.mutate({ conversationId: first, labelIds: [refund!.id] });
      await agent!.client.label.setForConversation.mutate({ conversationId: second, labelIds: [refund!.id, urgent!.id] });
      await agent!.client.label.setForConversation.mutate({ conversationId: third, labelIds: [urgent!.id] });
      await agent!.client.conversation.assign.mutate({ conversationId: second, assigneeId: agent!.id });
      await agent!.client.conversation.setStatus.mutate({ conversationId: first, status: "resolved" });

      const ids = async (input: Parameters<NonNullable<typeof agent>["client"]["conversation"]["list"]["query"]>[0]) =>
        (await agent!.client.conversation.list.query(input)).items.map((item) => item.id);
      expect(await ids({ label: refund!.id })).toEqual([second, first]);
      expect(await ids({ label: refund!.id, status: "open" })).toEqual([second]);
      expect(await ids({ label: urgent!.id, view: "mine" })).toEqual([second]);
      expect(await ids({ label: urgent!.id, view: "unassigned" })).toEqual([third]);

      // Page by page with the label: each once, in the list's order.
      const firstPage = await agent!.client.conversation.list.query({ label: refund!.id, limit: 1 });
      expect(firstPage.items.map((item) => item.id)).toEqual([second]);
      const secondPage = await agent!.client.conversation.list.query({ label: refund!.id, limit: 1, cursor: firstPage.nextCursor });
      expect(secondPage).toMatchObject({ items: [expect.objectContaining({ id: first })], nextCursor: null });

      const { labels } = await agent!.client.conversation.counts.query();
      expect(labels[refund!.id]).toEqual({
        mine: { open: 1, pending: 0, resolved: 0 },
        unassigned: { open: 0, pending: 0, resolved: 1 },
        all: { open: 1, pending: 0, resolved: 1 },
      });
      expect(labels[urgent!.id]).toEqual({
        mine: { open: 1, pending: 0, resolved: 0 },
        unassigned: { open: 1, pending: 0, resolved: 0 },
        all: { open: 2, pending: 0, resolved: 0 },
      });

      // An agent of another inbox counts none of them.
      const elsewhere = await createTeam(app.server, app.admin, { agents: ["Nosy Neighbour"] });
      try {
        const counted = await elsewhere.agents[0]!.client.conversation.counts.query();
        expect(counted.labels[refund!.id]).toBeUndefined();
        expect(await elsewhere.agents[0]!.client.conversation.list.query({ label: refund!.id })).toMatchObject({ items: [] });
      } finally {
        elsewhere.close();
      }
    } finally {
      team.close();
    }
  });
});
