// Signing out ends that session everywhere at once — HTTP calls, its WebSocket and a stream over
// HTTP — while the same user's other session goes on.
import { describe, expect, it } from "vitest";
import { collectFromNow } from "../../../testing/live";
import { signIn, signOut } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";

const app = testApp();

/** The live stream over HTTP (server-sent events), as a client without WebSockets gets it. */
async function openHttpStream(cookie: string) {
  const { lastEventId } = await connect(app.server.url, { cookie }).client.events.cursor.query();
  const input = encodeURIComponent(JSON.stringify({ lastEventId }));
  const controller = new AbortController();
  const response = await fetch(`${app.server.url}/api/trpc/events.subscribe?input=${input}`, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = "";
  let ended = false;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  return { text: () => text, ended: () => ended, stop: () => controller.abort() };
}

describe("signing out", () => {
  it("ends that session's HTTP calls, socket and HTTP stream at once, and not the user's other session", async () => {
    const [leaving, staying] = [await signIn(app.server.url, "agent@example.com", "agent"), await signIn(app.server.url, "agent@example.com", "agent")];
    const closes: number[] = [];
    const socket = app.connect({ cookie: leaving, onClose: (cause) => closes.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
    const other = app.connect({ cookie: staying });
    await Promise.all([collectFromNow(socket), collectFromNow(other)]);
    const stream = await openHttpStream(leaving);

    await signOut(app.server.url, leaving);

    await waitFor(() => closes.length > 0, "the session's socket closed");
    expect(closes[0]).toBe(4401);
    await waitFor(() => stream.ended(), "the session's HTTP stream ended");
    stream.stop();
    // The old cookie no longer works, though its token has not expired.
    await expect(connect(app.server.url, { cookie: leaving }).client.conversation.list.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    const session = (await (await fetch(`${app.server.url}/api/auth/session`, { headers: { cookie: leaving } })).json()) as Record<string, unknown>;
    expect(session.user).toBeUndefined();
    // The other session of the same user goes on.
    await expect(other.client.conversation.list.query()).resolves.toMatchObject({ items: expect.any(Array) });
  });
});
