// Demo mode (no WHATSAPP_ACCESS_TOKEN): the simulated WhatsApp serves a few approved templates for
// the default inbox and accepts template sends, which then get their ticks by status webhooks.
// Also: an admin sets another inbox's business account in its settings.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";

let server: RunningServer;
let admin: ReturnType<typeof connect>;

beforeAll(async () => {
  server = await startServer();
  admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
});
afterAll(async () => {
  admin?.close();
  await server?.stop();
});

describe("templates in demo mode", () => {
  it("lists the simulator's approved templates and sends one through to a read tick", async () => {
    await postWebhook(server.url, server.appSecret, textMessage({ from: "15550801234", name: "Dana Demo", text: "hi" }));
    const conversation = (await admin.client.conversation.list.query()).items.find((item) => item.contact.waId === "15550801234")!;
    const list = await admin.client.template.list.query({ conversationId: conversation.id });
    expect(list.problem).toBeNull();
    expect(list.templates.map((template) => template.name)).toEqual(["appointment_reminder", "order_shipped", "order_update", "we_are_back"]);

    const id = randomUUID();
    await admin.client.template.send.mutate({ conversationId: conversation.id, id, name: "we_are_back", language: "en_US", parameters: ["Dana"] });
    await waitFor(async () => {
      const page = await admin.client.conversation.messages.query({ conversationId: conversation.id, limit: 10 });
      return page.messages.find((message) => message.id === id)?.status === "read";
    }, "the simulated customer read the template");
  });

  it("an admin sets an inbox's WhatsApp Business Account ID, and a bad one is refused by its label", async () => {
    const created = await admin.client.admin.inboxes.create.mutate({ name: "Second line", phoneNumberId: "300000000000003", businessAccountId: "123456789012345" });
    expect(created.businessAccountId).toBe("123456789012345");
    const cleared = await admin.client.admin.inboxes.update.mutate({ id: created.id, name: "Second line", phoneNumberId: "300000000000003", businessAccountId: "" });
    expect(cleared.businessAccountId).toBeNull();
    await expect(
      admin.client.admin.inboxes.update.mutate({ id: created.id, name: "Second line", phoneNumberId: "300000000000003", businessAccountId: "abc" }),
    ).rejects.toThrow(/^WhatsApp Business Account ID: digits only/);
  });
});
