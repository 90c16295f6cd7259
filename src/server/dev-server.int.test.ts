// `npm run dev`: the same single process with Next's dev server. Pages compile on demand, Next's
// hot-reload socket is upgraded next to ours, and SIGTERM still ends it cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../testing/server";
import { postWebhook, textMessage } from "../../testing/webhook";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { NODE_ENV: "development" } });
});
afterAll(async () => {
  await server?.stop();
});

function closeCode(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once("close", (code) => resolve(code));
    socket.once("error", () => resolve(-1));
  });
}

function opens(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => finish(false), 15_000);
    const finish = (result: boolean) => {
      clearTimeout(timer);
      socket.terminate();
      resolve(result);
    };
    socket.once("open", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

describe("development server", () => {
  it("serves pages, route handlers and the webhook, compiled on demand", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const login = await fetch(`${server.url}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in");
    // The webhook is a Pages Router API route: the two routers compile side by side.
    const webhook = await postWebhook(server.url, server.appSecret, textMessage({ text: "stored by the dev server" }));
    expect(webhook.status).toBe(200);
    expect(await webhook.json()).toMatchObject({ messagesStored: 1 });
  });

  it("hands Next's hot-reload socket to Next and keeps /api/trpc-ws for tRPC", async () => {
    const wsUrl = server.url.replace("http", "ws");
    expect(await opens(`${wsUrl}/_next/hmr?id=test`)).toBe(true);
    expect(await closeCode(`${wsUrl}/api/trpc-ws`)).toBe(4401);
    await server.stop();
    // Ended by its own shutdown (process.exit(0) in ws-server.ts), not cut off; a shutdown that
    // hangs fails this test by its timeout.
    expect(server.exit).toBe(0);
    expect(server.output()).toContain("development");
  });
});
