// Request bodies are bounded on every route, sign-in included, before anything reads them: a huge
// declared body is answered 413 at once and the server's memory does not grow with it; a body of
// undeclared length is refused with 411 (the webhook counts one itself).
import { beforeAll, describe, expect, it } from "vitest";
import { postLargeBody } from "../../../testing/large-body";
import { growthDuring, MiB } from "../../../testing/memory";
import { signIn } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";
import { postWebhook, textMessage } from "../../../testing/webhook";

const ABUSE = 64 * MiB;
// Generous: the server read nothing of the body, but a request's own bookkeeping and the
// allocator's mood still move RSS by a few MB. Before the bound, one such POST grew it by ~194 MB.
const MEMORY_BOUND = 64 * MiB;

const app = testApp({ signIn: ["agent"] });

beforeAll(async () => {
  // Every route once before measuring: Next loads a route's code on its first request.
  expect((await fetch(`${app.server.url}/api/trpc/conversation.counts`, { headers: { cookie: app.cookie("agent") } })).status).toBe(200);
  expect((await postWebhook(app.server.url, app.server.appSecret, textMessage({ text: "warm-up" }))).status).toBe(200);
});

const signInUrl = () => `${app.server.url}/api/auth/callback/credentials`;
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("a 64 MiB body, declared", () => {
  it.each([
    ["sign-in", () => signInUrl(), form],
    ["tRPC", () => `${app.server.url}/api/trpc/message.send`, { "content-type": "application/json" }],
    ["the webhook", () => `${app.server.url}/api/webhooks/whatsapp`, { "content-type": "application/json", "x-hub-signature-256": "sha256=00" }],
    ["a page", () => `${app.server.url}/login`, form],
  ])("is answered 413 on %s without being read, and memory stays bounded", async (_route, url, headers) => {
    let outcome: Awaited<ReturnType<typeof postLargeBody>> | undefined;
    const growth = await growthDuring(app.server.pid, async () => {
      outcome = await postLargeBody(url(), { bytes: ABUSE, headers: { ...headers, cookie: app.cookie("agent") } });
    });
    expect(outcome?.status).toBe(413);
    expect(outcome?.body).toMatch(/too large/i);
    // The server answered long before the body was sent: far less than all of it was taken.
    expect(outcome?.written).toBeLessThan(ABUSE);
    expect(growth).toBeLessThan(MEMORY_BOUND);
  });
});

describe("limits by route", () => {
  it("refuses a sign-in form over 16 KiB and still signs in with an ordinary one", async () => {
    const oversized = await fetch(signInUrl(), { method: "POST", headers: form, body: `email=${"a".repeat(16 * 1024)}` });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual({ error: "Request body too large: at most 16 KiB here" });
    await expect(signIn(app.server.url, "agent@example.com", "agent")).resolves.toContain("session-token");
  });

  it("refuses a tRPC body over 1 MiB before any procedure runs", async () => {
    const body = JSON.stringify({ padding: "x".repeat(MiB) });
    const response = await fetch(`${app.server.url}/api/trpc/message.send`, { method: "POST", headers: { cookie: app.cookie("agent"), "content-type": "application/json" }, body });
    expect(response.status).toBe(413);
  });

  it("answers 411 to a body without a Content-Length on sign-in and tRPC, read or not", async () => {
    for (const url of [signInUrl(), `${app.server.url}/api/trpc/message.send`]) {
      const outcome = await postLargeBody(url, { bytes: ABUSE, chunked: true, headers: { cookie: app.cookie("agent") } });
      expect(outcome.status).toBe(411);
      expect(outcome.written).toBeLessThan(ABUSE);
    }
  });

  it("lets the webhook take a body without a Content-Length and counts it to its 1 MiB limit", async () => {
    const growth = await growthDuring(app.server.pid, async () => {
      const outcome = await postLargeBody(`${app.server.url}/api/webhooks/whatsapp`, { bytes: ABUSE, chunked: true, headers: { "x-hub-signature-256": "sha256=00" } });
      // Answered 413 at the limit, or cut off there if the answer lost the race with the close.
      expect([413, null]).toContain(outcome.status);
      expect(outcome.written).toBeLessThan(ABUSE);
    });
    expect(growth).toBeLessThan(MEMORY_BOUND);
  });
});
