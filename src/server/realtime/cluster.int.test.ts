// Several web processes on one PostgreSQL and one Redis, as real processes: live events cross
// processes, a stream resumes on another process, nothing is lost or doubled when processes or
// Redis die. Runs in the PostgreSQL pass of the integration tests (SWITCHBOARD_TEST_DATABASE).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../../testing/cluster";
import { collectEvents, collectFromNow } from "../../../testing/live";
import type { RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { testsOnPostgres } from "../../../testing/test-database";
import { connect } from "../../../testing/trpc";
import { sleep, waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import type { TLoggedEvent } from "@/shared/events";
import type { TPresenceUpdate } from "@/shared/presence";

let cluster: Cluster;
let cookie: string;
const connections: ReturnType<typeof connect>[] = [];

function open(server: RunningServer) {
  const connection = connect(server.url, { cookie });
  connections.push(connection);
  return connection;
}

const bodies = (events: TLoggedEvent[]) => events.flatMap((event) => (event.type === "message.created" ? [event.message.body] : []));
const send = (server: RunningServer, text: string, from = "15550007777") =>
  postWebhook(server.url, server.appSecret, textMessage({ from, text }));
const health = async (server: RunningServer) => {
  const response = await fetch(`${server.url}/api/health`);
  return { status: response.status, body: (await response.json()) as { bus: string; db: string } };
};

describe.runIf(testsOnPostgres())("several web processes on PostgreSQL and Redis", () => {
  beforeAll(async () => {
    cluster = await startCluster({ web: 2 });
    // A session made on one process works on every other (shared secret, no sticky sessions).
    cookie = await signIn(cluster.web[0]!.url, "admin@example.com", "admin");
  }, 180_000);
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await cluster?.stop();
  });

  it("delivers a message posted to one process to subscribers on every process, once", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    const [onOne, onTwo] = await Promise.all([collectFromNow(open(one)), collectFromNow(open(two))]);
    expect((await send(one, "posted to process one")).status).toBe(200);
    expect((await send(two, "posted to process two")).status).toBe(200);
    await Promise.all([onOne.waitForCount(2), onTwo.waitForCount(2)]);
    await sleep(300);
    for (const collected of [onOne, onTwo]) {
      expect(bodies(collected.events).sort()).toEqual(["posted to process one", "posted to process two"]);
    }
    // The same log, so the same ids on both.
    expect(onOne.events.map((event) => event.id)).toEqual(onTwo.events.map((event) => event.id));
  });

  it("resumes a stream on another process with the cursor the first gave, missing nothing and repeating nothing", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    const first = await collectFromNow(open(one));
    await send(two, "seen on one");
    await first.waitForCount(1);
    const cursor = first.events.at(-1)!.id;
    first.unsubscribe();
    for (let n = 1; n <= 3; n++) await send(n % 2 ? one : two, `missed ${n}`);
    const resumed = collectEvents(open(two), cursor);
    await resumed.waitForCount(3);
    await send(one, "live after");
    await resumed.waitForCount(4);
    await sleep(300);
    expect(bodies(resumed.events)).toEqual(["missed 1", "missed 2", "missed 3", "live after"]);
  });

  it("keeps every message exactly once for subscribers that drop and resume on random processes while 8 senders post to both", async () => {
    const customers = Array.from({ length: 8 }, (_, n) => `1555009${String(n).padStart(4, "0")}`);
    const perSender = 15;
    const start = (await collectFromNow(open(cluster.web[0]!)));
    start.unsubscribe();
    const startCursor = (await open(cluster.web[0]!).client.events.cursor.query()).lastEventId;

    // Each subscriber: subscribe somewhere, keep what arrives, drop after a random while, resume
    // elsewhere from its last id, until the senders are done and it has caught up.
    let sending = true;
    const subscribers = Array.from({ length: 4 }, async () => {
      const received: TLoggedEvent[] = [];
      let cursor: string | null = startCursor;
      for (let round = 0; round < 200 && (sending || round < 2); round++) {
        const server = cluster.web[Math.floor(Math.random() * cluster.web.length)]!;
        const connection = open(server);
        const collected = collectEvents(connection, cursor);
        await sleep(50 + Math.random() * 250);
        collected.unsubscribe();
        await connection.close();
        received.push(...collected.events);
        cursor = received.at(-1)?.id ?? cursor;
      }
      // Finally, one steady subscription that catches up with everything.
      const last = collectEvents(open(cluster.web[0]!), cursor);
      await sleep(1_500);
      last.unsubscribe();
      return [...received, ...last.events];
    });

    await Promise.all(
      customers.map(async (from, n) => {
        for (let index = 0; index < perSender; index++) {
          const server = cluster.web[(n + index) % cluster.web.length]!;
          expect((await send(server, `${from} #${index}`, from)).status).toBe(200);
        }
      }),
    );
    sending = false;
    const everyone = await Promise.all(subscribers);
    const expected = customers.flatMap((from) => Array.from({ length: perSender }, (_, index) => `${from} #${index}`)).sort();
    for (const received of everyone) {
      expect(bodies(received).sort()).toEqual(expected);
      const ids = received.map((event) => Number(event.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it("keeps answering webhooks while Redis is down, says so in health, and catches every stream up when it returns", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    const onTwo = await collectFromNow(open(two));
    await cluster.redis.kill();
    await waitFor(async () => (await health(one)).status === 503, "health to report the bus down");
    expect((await health(one)).body).toMatchObject({ bus: "down", db: "ok" });
    for (let n = 1; n <= 3; n++) expect((await send(one, `while redis is down ${n}`)).status).toBe(200);

    await cluster.redis.start();
    const back = Date.now();
    await waitFor(async () => (await health(one)).status === 200 && (await health(two)).status === 200, "health back to 200", 5_000);
    await onTwo.waitForCount(3, 5_000);
    expect(Date.now() - back).toBeLessThan(5_000);
    await send(one, "after redis returned");
    await onTwo.waitForCount(4);
    await sleep(300);
    expect(bodies(onTwo.events)).toEqual(["while redis is down 1", "while redis is down 2", "while redis is down 3", "after redis returned"]);
  });

  it("lets the clients of a process killed with kill -9 resume on another, with nothing lost", async () => {
    const doomed = await cluster.add();
    const survivor = cluster.web[0]!;
    const onDoomed = await collectFromNow(open(doomed));
    await send(doomed, "before the crash");
    await onDoomed.waitForCount(1);
    const cursor = onDoomed.events.at(-1)!.id;
    onDoomed.unsubscribe();
    process.kill(doomed.pid, "SIGKILL");
    await send(survivor, "after the crash");
    const resumed = collectEvents(open(survivor), cursor);
    await resumed.waitForCount(1);
    await sleep(300);
    expect(bodies(resumed.events)).toEqual(["after the crash"]);
  });

  it("stores one message for the same client message id sent through two processes at once", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    await send(one, "a customer to answer", "15550008888");
    const conversation = (await open(one).client.conversation.list.query()).items.find((item) => item.contact.waId === "15550008888")!;
    const id = randomUUID();
    const input = { id, conversationId: conversation.id, body: "one reply, sent twice" };
    const results = await Promise.allSettled([open(one).client.message.send.mutate(input), open(two).client.message.send.mutate(input)]);
    expect(results.map((result) => (result.status === "fulfilled" ? "ok" : String(result.reason)))).toEqual(["ok", "ok"]);
    for (const result of results) if (result.status === "fulfilled") expect(result.value.id).toBe(id);
    const page = await open(two).client.conversation.messages.query({ conversationId: conversation.id, limit: 50 });
    expect(page.messages.filter((message) => message.id === id)).toHaveLength(1);
  });

  it("carries typing and presence from a dashboard on one process to one on another", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    await send(one, "someone to type to", "15550006666");
    const conversation = (await open(one).client.conversation.list.query()).items.find((item) => item.contact.waId === "15550006666")!;
    const agentCookie = await signIn(two.url, "agent@example.com", "agent");
    const watcher = connect(two.url, { cookie: agentCookie });
    connections.push(watcher);
    const updates: TPresenceUpdate[] = [];
    let started = false;
    watcher.client.presence.subscribe.subscribe(undefined, { onStarted: () => (started = true), onData: (update) => updates.push(update) });
    await waitFor(() => started, "presence subscription started");

    const typist = open(one);
    await typist.client.presence.heartbeat.mutate();
    await waitFor(() => updates.some((update) => update.type === "online" && update.users.some((user) => user.name === "Ada Admin")), "the admin online on process two");
    await typist.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
    await waitFor(() => updates.some((update) => update.type === "typing" && update.conversationId === conversation.id && update.typing), "typing on process two");
  });

  it("closes a deactivated agent's socket on another process than the admin's", async () => {
    const [one, two] = cluster.web as [RunningServer, RunningServer];
    const agentCookie = await signIn(two.url, "agent@example.com", "agent");
    const closes: number[] = [];
    const agent = connect(two.url, { cookie: agentCookie, onClose: (cause) => closes.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
    connections.push(agent);
    await collectFromNow(agent);
    const admin = open(one);
    const agentId = (await admin.client.admin.people.list.query()).find((person) => person.email === "agent@example.com")!.id;
    await admin.client.admin.people.setActive.mutate({ userId: agentId, active: false });
    await waitFor(() => closes.length > 0, "the agent's socket on process two closed");
    expect(closes[0]).toBe(4401);
    await expect(connect(two.url, { cookie: agentCookie }).client.conversation.list.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });
});

describe.runIf(testsOnPostgres())("several processes starting at the same moment on an empty database", () => {
  it("all start; migrations, the default inbox and the demo users are made once", async () => {
    const fresh = await startCluster({ web: 0 });
    try {
      const started = await Promise.all([fresh.add(), fresh.add(), fresh.add()]);
      const people = await connect(started[2]!.url, { cookie: await signIn(started[1]!.url, "admin@example.com", "admin") }).client.admin.people.list.query();
      expect(people.map((person) => person.email).sort()).toEqual(["admin@example.com", "agent@example.com"]);
      const inboxes = await connect(started[0]!.url, { cookie: await signIn(started[0]!.url, "admin@example.com", "admin") }).client.admin.inboxes.list.query();
      expect(inboxes).toHaveLength(1);
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
