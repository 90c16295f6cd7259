// A lone UTF-16 surrogate ("\ud83d", half of an emoji) in a tRPC input used to reach the database
// driver and come back as a masked 500. Now it is a 400 naming the field, and nothing is stored.
import { describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";
import { postWebhook, textMessage } from "../../../testing/webhook";

const app = testApp({ signIn: ["agent"] });

/** One call, unbatched, as raw HTTP: the status is the call's own. */
function call(path: string, input: unknown, method: "GET" | "POST"): Promise<Response> {
  // JSON.stringify writes a lone surrogate as the escape "\ud83d", which JSON.parse turns back into one.
  const json = JSON.stringify(input);
  if (method === "GET") return fetch(`${app.server.url}/api/trpc/${path}?input=${encodeURIComponent(json)}`, { headers: { cookie: app.cookie("agent") } });
  return fetch(`${app.server.url}/api/trpc/${path}`, { method, headers: { cookie: app.cookie("agent"), "content-type": "application/json" }, body: json });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string; data: { code: string } } }).error;

describe("lone surrogates in tRPC input", () => {
  it("refuses a message whose text holds one with 400 naming the field, and stores nothing", async () => {
    expect((await postWebhook(app.server.url, app.server.appSecret, textMessage({ from: "15550104444", name: "Surrogate Sam", text: "hello" }))).status).toBe(200);
    const [conversation] = (await app.agent.client.conversation.list.query()).items;
    expect(conversation).toBeDefined();
    const conversationId = conversation!.id;

    const response = await call("message.send", { conversationId, id: crypto.randomUUID(), body: "thanks \ud83d" }, "POST");
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/"body" holds a lone UTF-16 surrogate/);

    const note = await call("message.note", { conversationId, id: crypto.randomUUID(), body: "\udc4b note" }, "POST");
    expect(note.status).toBe(400);

    const messages = await app.agent.client.conversation.messages.query({ conversationId });
    expect(messages.messages.map((message) => message.body)).toEqual(["hello"]);
  });

  it("refuses a search holding one with 400, and in an object key too", async () => {
    const search = await call("search.conversations", { query: "order \ud83d" }, "GET");
    expect(search.status).toBe(400);
    expect((await errorOf(search)).message).toMatch(/"query"/);

    const key = await call("search.conversations", { query: "order", ["\ud83d"]: 1 }, "GET");
    expect(key.status).toBe(400);
  });

  it("still takes a whole emoji (a surrogate pair)", async () => {
    const search = await call("search.conversations", { query: "order \ud83d\udc4b" }, "GET");
    expect(search.status).toBe(200);
  });
});
