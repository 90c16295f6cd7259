// Private notes through the real server: idempotent by the client's id like a reply, and an id
// that is already someone else's message (or a reply's) is refused rather than answered with it.
import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../../testing/test-app";
import { postWebhook, textMessage } from "../../../../testing/webhook";

const app = testApp({ fakeGraph: true, signIn: ["admin", "agent"] });

let nextPhone = 15550700000;
async function customerWrote(text: string): Promise<string> {
  const from = String(nextPhone++);
  await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, name: "Note Customer", text }));
  return (await app.agent.client.conversation.list.query()).items.find((item) => item.contact.waId === from)!.id;
}

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => "resolved",
    (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : String(error)),
  );

describe("a private note", () => {
  it("sent twice with the same id is stored once and answered the same", async () => {
    const conversationId = await customerWrote("Hello");
    const input = { conversationId, id: randomUUID(), body: "VIP customer, be kind" };
    const first = await app.agent.client.message.note.mutate(input);
    const again = await app.agent.client.message.note.mutate(input);
    expect(again).toEqual(first);
    const notes = (await app.agent.client.conversation.messages.query({ conversationId })).messages.filter((message) => message.direction === "note");
    expect(notes.map((note) => note.id)).toEqual([input.id]);
  });

  it("is refused when its id is another person's note or a reply's", async () => {
    const conversationId = await customerWrote("Hi there");
    const note = { conversationId, id: randomUUID(), body: "The agent's note" };
    await app.agent.client.message.note.mutate(note);
    expect(await codeOf(app.admin.client.message.note.mutate({ ...note, body: "The admin's" }))).toBe("CONFLICT");
    expect(await codeOf(app.agent.client.message.send.mutate(note))).toBe("CONFLICT");

    const reply = { conversationId, id: randomUUID(), body: "A reply" };
    await app.agent.client.message.send.mutate(reply);
    expect(await codeOf(app.agent.client.message.note.mutate(reply))).toBe("CONFLICT");
  });
});
