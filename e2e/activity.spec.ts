// Activity in the log: an admin assigns a conversation in one dashboard and an agent, with the same
// conversation open in another, sees the line appear live among the messages; after a reload it is
// still there, read from the event log. The agent resolving it shows in the admin's log the same way.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { messageLog, openConversation } from "./inbox-page";

const ADMIN = ["admin@example.com", "admin"] as const;
const AGENT = ["agent@example.com", "agent"] as const;

const activityLine = (page: Parameters<typeof messageLog>[0], text: string) =>
  messageLog(page).getByRole("listitem").filter({ hasText: text });

test("an assignment shows live in another dashboard's log, and is still there after a reload", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
}) => {
  await sendWebhook({ from: uniquePhone(), name: "Lena Logline", text: "Can someone look at my order?" });

  const agent = await signedInPage(...AGENT);
  await openConversation(agent, "Lena Logline", "Can someone look at my order?");
  const admin = await signedInPage(...ADMIN);
  await openConversation(admin, "Lena Logline", "Can someone look at my order?");

  await admin.getByRole("combobox", { name: "Assignee" }).selectOption({ label: "Alan Agent" });

  // A quiet line in the log, read as one sentence with its time.
  await expect(activityLine(agent, "Ada Admin assigned this to Alan Agent")).toHaveText(/^Ada Admin assigned this to Alan Agent · \d{1,2}:\d{2}/);
  await expect(activityLine(admin, "Ada Admin assigned this to Alan Agent")).toBeVisible();

  await agent.reload();
  await expect(messageLog(agent).getByText("Can someone look at my order?")).toBeVisible();
  await expect(activityLine(agent, "Ada Admin assigned this to Alan Agent")).toBeVisible();

  await agent.getByRole("combobox", { name: "Conversation status" }).selectOption("resolved");
  await expect(activityLine(admin, "Alan Agent resolved this")).toBeVisible();
  // The line comes after the message it followed.
  await expect(messageLog(admin).getByRole("listitem").last()).toContainText("Alan Agent resolved this");

  // Quiet, yet readable: the log with its activity lines has no serious accessibility violations.
  const axe = await new AxeBuilder({ page: admin }).include('[role="log"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
});
