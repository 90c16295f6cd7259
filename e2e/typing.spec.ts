// Typing and presence between two people on the same conversation: what one writes shows as
// "<name> is typing…" for the other (never for themselves), gone when the reply is sent or after a
// few seconds of silence; and each sees the other in the header's "Online now".
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { messageBox, openConversation } from "./inbox-page";

const typingLine = (page: Page) => page.getByRole("status").filter({ hasText: "typing…" });
const onlineNow = (page: Page) => page.getByRole("list", { name: "Online now" });

test("an agent sees the admin typing until the reply is sent, and after a pause the line goes by itself", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Tara Typing", text: "Anyone there?" });
  const admin = await signedInPage("admin@example.com", "admin");
  const agent = await signedInPage("agent@example.com", "agent");
  await openConversation(admin, "Tara Typing", "Anyone there?");
  await openConversation(agent, "Tara Typing", "Anyone there?");

  await messageBox(admin).pressSequentially("Hi Tara, ");
  await expect(typingLine(agent)).toHaveText("Ada Admin is typing…");
  await expect(typingLine(admin)).toHaveCount(0);

  // Sent: the line goes at once, well before the few seconds a silent typist is kept.
  await messageBox(admin).pressSequentially("yes, we are here");
  await messageBox(admin).press("Enter");
  await expect(agent.getByRole("log", { name: "Messages" }).getByText("Hi Tara, yes, we are here")).toBeVisible();
  await expect(typingLine(agent)).toHaveCount(0, { timeout: 2_000 });

  // A draft left alone: shown, then gone after the silence, with the draft still in the box.
  await messageBox(agent).fill("Let me check the order");
  await expect(typingLine(admin)).toHaveText("Alan Agent is typing…");
  await expect(typingLine(admin)).toHaveCount(0, { timeout: 8_000 });
  await expect(messageBox(agent)).toHaveValue("Let me check the order");
});

test("the header lists who else is online, by name", async ({ signedInPage }) => {
  const admin = await signedInPage("admin@example.com", "admin");
  const agent = await signedInPage("agent@example.com", "agent");
  await admin.goto("/inbox");
  await agent.goto("/inbox");
  await expect(onlineNow(agent)).toContainText("Ada Admin");
  await expect(onlineNow(admin)).toContainText("Alan Agent");
  // Not oneself.
  await expect(onlineNow(agent)).not.toContainText("Alan Agent");
});
