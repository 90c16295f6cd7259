// One real server per worker (production build, own data directory), talking to a fake Graph API
// (testing/fake-graph.ts) that records every reply the outbox sends and can be told how to answer;
// and pages signed in through next-auth's API rather than by clicking, so each spec starts where
// it means to.
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { startFakeGraph, type FakeGraph } from "../testing/fake-graph";
import { startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { postWebhook, textMessage, type TextOptions } from "../testing/webhook";

export interface Fixtures {
  signedInPage: (email: string, password: string) => Promise<Page>;
  sendWebhook: (options: TextOptions) => Promise<void>;
  uniquePhone: () => string;
}

let phoneCounter = 0;

async function pageWithSession(browser: Browser, server: RunningServer, email: string, password: string): Promise<Page> {
  const cookie = await signIn(server.url, email, password);
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: server.url };
    }),
  );
  return context.newPage();
}

export const test = base.extend<Fixtures & { resetGraph: void }, { server: RunningServer; graph: FakeGraph }>({
  graph: [
    async ({}, use) => {
      const graph = await startFakeGraph();
      await use(graph);
      await graph.stop();
    },
    { scope: "worker" },
  ],
  server: [
    async ({ graph }, use) => {
      const server = await startServer({
        // The business account's templates are the fake's (testing/fixtures/whatsapp/templates-list.json).
        env: { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl, WHATSAPP_BUSINESS_ACCOUNT_ID: "100000000000001" },
      });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  // The fake is shared by the worker's tests: a slow API or an unused scripted reply left by one
  // test must not reach the next.
  resetGraph: [
    async ({ graph }, use) => {
      await use();
      graph.reset();
    },
    { auto: true },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  signedInPage: async ({ browser, server }, use) => {
    const pages: Page[] = [];
    await use(async (email, password) => {
      const page = await pageWithSession(browser, server, email, password);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((page) => page.context().close()));
  },
  sendWebhook: async ({ server }, use) => {
    await use(async (options) => {
      const response = await postWebhook(server.url, server.appSecret, textMessage(options));
      expect(response.status).toBe(200);
    });
  },
  uniquePhone: async ({}, use) => use(() => `1555${process.pid % 1000}${String(++phoneCounter).padStart(4, "0")}`),
});

export { expect };
