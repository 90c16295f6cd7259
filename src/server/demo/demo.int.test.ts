// Demo mode against the real server (no WHATSAPP_ACCESS_TOKEN): "Simulate customer" posts a signed
// webhook to the server's own endpoint; a reply goes worker → simulated WhatsApp → signed status
// webhooks → our endpoint and reaches sent, delivered and read by itself; a fresh demo database is
// filled with sample conversations once.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { collectFromNow } from "../../../testing/live";
import { startServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";
import type { TLoggedEvent } from "@/shared/events";

describe("demo mode", () => {
  const app = testApp({ signIn: ["admin", "agent"] });

  const conversations = async () => (await app.admin.client.conversation.list.query()).items;

  it("offers Simulate customer to admins only", async () => {
    expect(await app.admin.client.demo.enabled.query()).toBe(true);
    expect(await app.agent.client.demo.enabled.query()).toBe(false);
  });

  it("posts the admin's customer message through the webhook: a new conversation and its live event", async () => {
    const live = await collectFromNow(app.agent);
    const result = await app.admin.client.demo.simulateCustomer.mutate({ name: " Ana Souza ", number: "+55 11 95555 0142", text: "Olá! Is my order ready? 📦" });
    expect(result.waId).toBe("5511955550142");

    await live.waitForCount(1);
    expect(live.events[0]).toMatchObject({
      type: "message.created",
      conversation: { contact: { name: "Ana Souza", waId: "5511955550142" }, lastPreview: "Olá! Is my order ready? 📦" },
      message: { direction: "inbound", body: "Olá! Is my order ready? 📦", status: "received" },
    });
    const [conversation] = await conversations();
    expect(conversation).toMatchObject({ contact: { waId: "5511955550142" }, unreadCount: 1 });
    live.unsubscribe();
  });

  it("refuses agents with FORBIDDEN and stores nothing", async () => {
    const before = await conversations();
    await expect(
      app.agent.client.demo.simulateCustomer.mutate({ name: "Sneaky", number: "15550009999", text: "hi" }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" }, message: "Only admins can simulate customers" });
    expect(await conversations()).toEqual(before);
  });

  it.each([
    [{ name: "", number: "15550001111", text: "hi" }, "Name: write the customer’s name"],
    [{ name: "Bob", number: "12ab34567", text: "hi" }, "Phone number: use digits only, optionally with a leading + and spaces"],
    [{ name: "Bob", number: "+1 234", text: "hi" }, "Phone number: use 6 to 15 digits, with the country code"],
    [{ name: "Bob", number: "15550001111", text: "x".repeat(4097) }, "Message: at most 4,096 characters"],
  ])("rejects %j with a clear message and stores nothing", async (input, message) => {
    const before = await conversations();
    await expect(app.admin.client.demo.simulateCustomer.mutate(input)).rejects.toMatchObject({ data: { code: "BAD_REQUEST" }, message });
    expect(await conversations()).toEqual(before);
  });

  it("sends a reply to the simulated WhatsApp, whose status webhooks move it to sent, delivered and read by themselves", async () => {
    await app.admin.client.demo.simulateCustomer.mutate({ name: "Tick Watcher", number: "15550107777", text: "Any news?" });
    const conversation = (await conversations()).find((item) => item.contact.waId === "15550107777")!;
    const live = await collectFromNow(app.agent);
    const reply = await app.agent.client.message.send.mutate({ conversationId: conversation.id, id: randomUUID(), body: "It ships today 🚚" });

    const statuses = () =>
      live.events.flatMap((event: TLoggedEvent) => {
        if (event.type === "message.created" && event.message.id === reply.id) return [event.message.status];
        if (event.type === "message.status" && event.messageId === reply.id) return [event.status];
        return [];
      });
    await waitFor(() => statuses().at(-1) === "read", `read (have ${statuses().join(", ")})`, 15_000);
    expect(statuses()).toEqual(["queued", "sent", "delivered", "read"]);
    const page = await app.agent.client.conversation.messages.query({ conversationId: conversation.id });
    expect(page.messages.find((message) => message.id === reply.id)).toMatchObject({ status: "read", statusReason: null });
    live.unsubscribe();
  });
});

describe("demo mode on a fresh database", () => {
  it("fills the inbox with sample conversations through the webhook once, not again after a restart", async () => {
    const server = await startServer({ env: { DEMO_SEED: "1" } });
    try {
      const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
      const list = (await admin.client.conversation.list.query()).items;
      expect(list.map((item) => item.contact.name)).toEqual(["Priya Natarajan", "Liam O’Connor", "Ana Souza"]);
      expect(list.every((item) => item.unreadCount === 2)).toBe(true);
      const times = list.map((item) => Date.parse(item.lastMessageAt));
      expect(times[0]! - times[2]!).toBeGreaterThan(60 * 60 * 1000);
      const ana = await admin.client.conversation.messages.query({ conversationId: list[2]!.id });
      expect(ana.messages.map((message) => message.body)).toEqual(["Olá! Is my order #4821 ready for pickup? 📦", "I can come by the shop after 5pm today."]);
      admin.close();

      await server.restart();
      const again = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
      expect((await again.client.conversation.list.query()).items).toHaveLength(3);
      again.close();
    } finally {
      await server.stop();
    }
  });

  it("leaves the inbox empty when the first admin is configured instead of the demo users", async () => {
    const server = await startServer({ env: { DEMO_SEED: "1", ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: "correct horse battery" } });
    try {
      const admin = connect(server.url, { cookie: await signIn(server.url, "boss@example.org", "correct horse battery") });
      expect((await admin.client.conversation.list.query()).items).toEqual([]);
      admin.close();
    } finally {
      await server.stop();
    }
  });
});

describe("outside demo mode", () => {
  it("offers no Simulate customer and refuses it with PRECONDITION_FAILED", async () => {
    // A token makes it a real deployment; nothing is sent, so Meta's address is never called.
    const server = await startServer({ env: { WHATSAPP_ACCESS_TOKEN: "not-a-real-token", DEMO_SEED: "1" } });
    try {
      const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
      expect(await admin.client.demo.enabled.query()).toBe(false);
      await expect(
        admin.client.demo.simulateCustomer.mutate({ name: "Ana", number: "15550001234", text: "hi" }),
      ).rejects.toMatchObject({ data: { code: "PRECONDITION_FAILED" } });
      // Nor are sample conversations added: they are for the demo only.
      expect((await admin.client.conversation.list.query()).items).toEqual([]);
      admin.close();
    } finally {
      await server.stop();
    }
  });
});
