// Auto-assignment with two web processes on one PostgreSQL database and Redis: conversations wait
// while nobody is online, then two agents come online and both processes, told by Redis at the same
// moment, race to hand the queue out. Every conversation is assigned once (one event, one revision),
// nobody goes over capacity, and the oldest go first. Runs in the PostgreSQL pass of the
// integration tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, type Team } from "../../../testing/auto-assign";
import { startCluster, type Cluster } from "../../../testing/cluster";
import { signIn } from "../../../testing/session";
import { prismaFor, testsOnPostgres } from "../../../testing/test-database";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";

const CAPACITY = 5;
const WAITING = 12;

let cluster: Cluster;
let admins: ReturnType<typeof connect>[] = [];
let team: Team;

describe.runIf(testsOnPostgres())("auto-assignment with several server processes", () => {
  beforeAll(async () => {
    cluster = await startCluster({ web: 2, env: { PRESENCE_TIMEOUT_MS: "900000", PRESENCE_HEARTBEAT_MS: "300000" } });
    admins = await Promise.all(
      cluster.web.map(async (server) => connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") })),
    );
    team = await createTeam(cluster.web[0]!, admins[0]!, { agents: ["Ivy Race", "Jon Race"], autoAssign: true, maxOpen: CAPACITY });
  }, 180_000);
  afterAll(async () => {
    team?.close();
    admins.forEach((admin) => admin.close());
    await cluster?.stop();
  });

  it("assigns each waiting conversation once when both processes hand out the queue at the same moment", async () => {
    // Customers write to either process, one after another so the queue's order is known.
    const customers: string[] = [];
    for (let n = 0; n < WAITING; n++) {
      const server = cluster.web[n % 2]!;
      const from = `1555099${String(n).padStart(4, "0")}`;
      const delivery = textMessage({ from, text: `waiting ${n}`, phoneNumberId: team.phoneNumberId });
      const response = await postWebhook(server.url, server.appSecret, delivery);
      expect(response.status).toBe(200);
      customers.push(from);
    }
    const listed = async () => (await admins[1]!.client.conversation.list.query({ view: "all", status: "all", limit: 200 })).items;
    const byCustomer = new Map((await listed()).map((item) => [item.contact.waId, item]));
    const ids = customers.map((from) => byCustomer.get(from)!.id);
    expect(customers.every((from) => byCustomer.get(from)?.assigneeId === null)).toBe(true);

    // Both agents come online, each through a different process; Redis tells both processes.
    await Promise.all(team.agents.map((agent) => agent.comeOnline()));
    const assigned = async () => (await listed()).filter((item) => ids.includes(item.id) && item.assigneeId !== null);
    await waitFor(async () => (await assigned()).length >= 2 * CAPACITY, `${2 * CAPACITY} conversations assigned`, 20_000);

    const db = prismaFor(cluster.env.DATABASE_URL!);
    try {
      const rows = await db.conversation.findMany({ where: { id: { in: ids } }, select: { id: true, assigneeId: true, revision: true } });
      const events = await db.event.findMany({
        where: { type: "conversation.updated", conversationId: { in: ids } },
        select: { conversationId: true, payload: true },
      });
      const assignedRows = rows.filter((row) => row.assigneeId !== null);
      expect(assignedRows).toHaveLength(2 * CAPACITY);
      // Once each: one change of revision, one event, and that event auto-assignment's.
      for (const row of assignedRows) {
        expect(row.revision).toBe(1);
        const own = events.filter((event) => event.conversationId === row.id);
        expect(own).toHaveLength(1);
        expect(JSON.parse(own[0]!.payload)).toMatchObject({ actor: { kind: "auto-assignment" }, conversation: { assigneeId: row.assigneeId } });
      }
      // Nobody over capacity; the oldest went first, the two newest still wait.
      for (const agent of team.agents) expect(assignedRows.filter((row) => row.assigneeId === agent.id)).toHaveLength(CAPACITY);
      const waiting = rows.filter((row) => row.assigneeId === null).map((row) => row.id);
      expect(waiting.sort()).toEqual(ids.slice(2 * CAPACITY).sort());
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
