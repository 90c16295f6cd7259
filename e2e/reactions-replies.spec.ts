// Quoted replies and reactions as agents see and use them, with the fake Graph API standing in for
// WhatsApp: a customer's quote shows above their message and jumps to the original (loading older
// history), "Reply to this message" sends with context, a customer's reaction shows on its message,
// and "React to this message" sends, replaces and removes the business's reaction, live everywhere.
import { webhookDelivery } from "../src/server/demo/webhook-payloads";
import type { FakeGraph } from "../testing/fake-graph";
import { DEFAULT_PHONE_NUMBER_ID, newWamid, postWebhook, textMessage, textMessages } from "../testing/webhook";
import { expect, test } from "./fixtures";
import { messageBox, messageItem, messageLog, openConversation, sendReply } from "./inbox-page";

interface SentBody {
  to?: string;
  type?: string;
  text?: { body?: string };
  context?: { message_id?: string };
  reaction?: { message_id?: string; emoji?: string };
}
const sentTo = (graph: FakeGraph, phone: string) => graph.sends().map((request) => request.body as SentBody).filter((body) => body.to === phone);

const unix = (offsetSeconds = 0) => String(Math.floor(Date.now() / 1000) + offsetSeconds);

test("a customer's quoted reply shows the quote, and clicking it jumps to the original in older history", async ({ signedInPage, uniquePhone, server }) => {
  const phone = uniquePhone();
  const name = "Quinn Quote";
  const originalWamid = newWamid();
  const post = async (payload: unknown) => expect((await postWebhook(server.url, server.appSecret, payload)).status).toBe(200);
  await post(textMessage({ from: phone, name, text: "Do you have the blue jacket in size M?", wamid: originalWamid, timestamp: unix(-300) }));
  // More than a page of messages after it, so the original is not loaded when the conversation opens.
  await post(textMessages({ from: phone, name, count: 60, text: (index) => `filler ${index}` }));
  const reply = webhookDelivery(DEFAULT_PHONE_NUMBER_ID, {
    contacts: [{ profile: { name }, wa_id: phone }],
    messages: [{ context: { from: phone, id: originalWamid }, from: phone, id: newWamid(), timestamp: unix(1), type: "text", text: { body: "Or in L, if not" } }],
  });
  await post(reply);

  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, name, "Or in L, if not");
  const quote = messageItem(page, "Or in L, if not").getByRole("button", { name: /Quoted message: Do you have the blue jacket in size M\?/ });
  await expect(quote).toBeVisible();
  await quote.click();
  const original = messageLog(page).getByRole("listitem").filter({ hasText: /^Do you have the blue jacket in size M\?/ });
  await expect(original).toBeInViewport();
  await expect(original).toBeFocused();

  // A quote of a message we never had says so.
  await post(
    webhookDelivery(DEFAULT_PHONE_NUMBER_ID, {
      contacts: [{ profile: { name }, wa_id: phone }],
      messages: [{ context: { from: phone, id: "wamid.NEVERSEEN" }, from: phone, id: newWamid(), timestamp: unix(2), type: "text", text: { body: "and this?" } }],
    }),
  );
  await expect(messageItem(page, "and this?")).toContainText("Quoted message unavailable");
});

test("an agent replies to a message with “Reply to this message”, sent with its context", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  const wamid = newWamid();
  await sendWebhook({ from: phone, name: "Rhea Reply", text: "Is delivery free?", wamid });
  await sendWebhook({ from: phone, name: "Rhea Reply", text: "And how long does it take?" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Rhea Reply", "And how long does it take?");

  // Cancelling leaves an ordinary reply.
  await messageItem(page, "Is delivery free?").getByRole("button", { name: "Reply to this message" }).click();
  await expect(page.getByText("Replying to Rhea Reply")).toBeVisible();
  await page.getByRole("button", { name: "Cancel reply" }).click();
  await expect(page.getByText("Replying to Rhea Reply")).toHaveCount(0);

  // By keyboard: the action is in the tab order of its message.
  const action = messageItem(page, "Is delivery free?").getByRole("button", { name: "Reply to this message" });
  await action.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Replying to Rhea Reply")).toBeVisible();
  await expect(messageBox(page)).toBeFocused();
  await sendReply(page, "Yes, over 20 €.");
  await expect(page.getByText("Replying to Rhea Reply")).toHaveCount(0);

  await expect(messageItem(page, "Yes, over 20 €.").getByRole("button", { name: /Quoted message: Is delivery free\?/ })).toBeVisible();
  await expect.poll(() => sentTo(graph, phone).map((body) => body.context?.message_id)).toEqual([wamid]);
  expect(sentTo(graph, phone)[0]!.text?.body).toBe("Yes, over 20 €.");
});

test("agents see a customer's reaction on the message, replaced and removed", async ({ signedInPage, sendWebhook, uniquePhone, server }) => {
  const phone = uniquePhone();
  const wamid = newWamid();
  await sendWebhook({ from: phone, name: "Remy React", text: "Here is my order number: 4821", wamid });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Remy React", "Here is my order number: 4821");
  const react = (emoji: string, offset: number) =>
    postWebhook(
      server.url,
      server.appSecret,
      webhookDelivery(DEFAULT_PHONE_NUMBER_ID, {
        contacts: [{ profile: { name: "Remy React" }, wa_id: phone }],
        messages: [{ from: phone, id: newWamid(), timestamp: unix(offset), type: "reaction", reaction: { message_id: wamid, emoji } }],
      }),
    );
  const item = messageItem(page, "Here is my order number: 4821");
  await react("👍", 1);
  await expect(item.getByRole("listitem", { name: "Reaction 👍 by Remy React" })).toBeVisible();
  await react("❤️", 2);
  await expect(item.getByRole("listitem", { name: "Reaction ❤️ by Remy React" })).toBeVisible();
  await expect(item.getByRole("listitem", { name: /Reaction 👍/ })).toHaveCount(0);
  // Not a message of its own.
  await expect(messageLog(page).getByText("Reacted")).toHaveCount(0);
  await react("", 3);
  await expect(item.getByRole("list", { name: "Reactions" })).toHaveCount(0);
});

test("an agent reacts with “React to this message”: sent, shown to every agent, replaced and removed", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  const wamid = newWamid();
  await sendWebhook({ from: phone, name: "Rosa Emoji", text: "Thank you so much!", wamid });
  const agent = await signedInPage("agent@example.com", "agent");
  const admin = await signedInPage("admin@example.com", "admin");
  await openConversation(agent, "Rosa Emoji", "Thank you so much!");
  await openConversation(admin, "Rosa Emoji", "Thank you so much!");

  const trigger = messageItem(agent, "Thank you so much!").getByRole("button", { name: "React to this message" });
  await trigger.click();
  const picker = agent.getByRole("dialog", { name: "Choose a reaction" });
  await expect(picker).toBeVisible();
  await agent.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await trigger.click();
  await picker.getByRole("button", { name: "Heart" }).click();
  await expect(picker).toHaveCount(0);
  for (const page of [agent, admin]) {
    await expect(messageItem(page, "Thank you so much!").getByRole("listitem", { name: /^Reaction ❤️ by Alan Agent/ })).toBeVisible();
  }
  await expect.poll(() => sentTo(graph, phone).map((body) => body.reaction)).toEqual([{ message_id: wamid, emoji: "❤️" }]);

  await trigger.click();
  await picker.getByRole("button", { name: "Thumbs up" }).click();
  await expect(messageItem(admin, "Thank you so much!").getByRole("listitem", { name: /^Reaction 👍 by Alan Agent/ })).toBeVisible();

  // The same emoji again takes it back.
  await trigger.click();
  await expect(picker.getByRole("button", { name: "Thumbs up" })).toHaveAttribute("aria-pressed", "true");
  await picker.getByRole("button", { name: "Thumbs up" }).click();
  await expect(messageItem(admin, "Thank you so much!").getByRole("list", { name: "Reactions" })).toHaveCount(0);
  await expect.poll(() => sentTo(graph, phone).map((body) => body.reaction?.emoji)).toEqual(["❤️", "👍", ""]);
  expect(sentTo(graph, phone).every((body) => body.type === "reaction")).toBe(true);
});
