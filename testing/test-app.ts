// The app an integration test file runs against: the real server (optionally sending to a fake
// Graph API), with demo users signed in. Started before the file's tests and stopped after them,
// so each *.int.test.ts says what it needs in one line instead of its own beforeAll/afterAll.
//
//   const app = testApp({ fakeGraph: true, signIn: ["agent"] });
//   it("…", async () => { await app.agent.client.message.send.mutate(…); app.graph.sends(); });
import { afterAll, beforeAll } from "vitest";
import { startFakeGraph, type FakeGraph } from "./fake-graph";
import { startServer, type RunningServer } from "./server";
import { signIn } from "./session";
import { connect, type ClientOptions } from "./trpc";

/** The users every test database has (src/server/bootstrap.ts, testing/first-users.ts). */
export const DEMO_USERS = {
  admin: { email: "admin@example.com", password: "admin" },
  agent: { email: "agent@example.com", password: "agent" },
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

export type Connection = ReturnType<typeof connect>;

export interface TestAppOptions {
  /** Start a fake Graph API first and point the server at it (then the server is not in demo mode). */
  fakeGraph?: boolean;
  /** More of the server's environment (it wins over what fakeGraph sets). */
  env?: Record<string, string>;
  /** Demo users to sign in before the tests: `app.cookie(user)`, and `app.admin` / `app.agent`. */
  signIn?: readonly DemoUser[];
}

export interface TestApp {
  readonly server: RunningServer;
  /** Only with `fakeGraph: true`. */
  readonly graph: FakeGraph;
  /** The signed-in user's tRPC client, connected on first use and closed after the file's tests. */
  readonly admin: Connection;
  readonly agent: Connection;
  /** A signed-in demo user's session cookie. */
  cookie(user: DemoUser): string;
  /** A tRPC client for any session (or none), closed after the file's tests. */
  connect(options?: ClientOptions): Connection;
}

/** Registers the file's (or describe block's) beforeAll and afterAll; use the app inside tests and hooks. */
export function testApp(options: TestAppOptions = {}): TestApp {
  let server: RunningServer | undefined;
  let graph: FakeGraph | undefined;
  const cookies = new Map<DemoUser, string>();
  const clients = new Map<DemoUser, Connection>();
  const connections: Connection[] = [];

  beforeAll(async () => {
    if (options.fakeGraph) graph = await startFakeGraph();
    const graphEnv: Record<string, string> = graph ? { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl } : {};
    server = await startServer({ env: { ...graphEnv, ...options.env } });
    for (const user of options.signIn ?? []) cookies.set(user, await signIn(server.url, DEMO_USERS[user].email, DEMO_USERS[user].password));
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await server?.stop();
    await graph?.stop();
  });

  const started = (): RunningServer => {
    if (!server) throw new Error("the test app is used before its beforeAll ran (use it inside tests and hooks)");
    return server;
  };
  const cookie = (user: DemoUser): string => {
    const found = cookies.get(user);
    if (found === undefined) throw new Error(`${user} is not signed in: add it to testApp({ signIn })`);
    return found;
  };
  const open = (clientOptions: ClientOptions = {}): Connection => {
    const connection = connect(started().url, clientOptions);
    connections.push(connection);
    return connection;
  };
  // Lazily: a test counting a user's sockets, or memory, sees only the ones it asked for.
  const client = (user: DemoUser): Connection => {
    let connection = clients.get(user);
    if (!connection) {
      connection = open({ cookie: cookie(user) });
      clients.set(user, connection);
    }
    return connection;
  };

  return {
    get server() {
      return started();
    },
    get graph() {
      if (!graph) throw new Error("no fake Graph API: start the test app with testApp({ fakeGraph: true })");
      return graph;
    },
    get admin() {
      return client("admin");
    },
    get agent() {
      return client("agent");
    },
    cookie,
    connect: open,
  };
}
