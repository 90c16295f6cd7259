// Takes the README's screenshot of a dashboard with a few live conversations in it, one of them
// open with replies sent through the composer (and WhatsApp's fake answering them) and a reply
// being written; then the Reports page.
import path from "node:path";
import { acceptedReply, newFakeWamid } from "../testing/fake-graph";
import { postWebhook, statusUpdate } from "../testing/webhook";
import { expect, test } from "./fixtures";
import { messageBox, messageLog, openConversation, sendReply, tickOf } from "./inbox-page";

test("the dashboard, for the README", async ({ signedInPage, sendWebhook, uniquePhone, server, graph }) => {
  const customers = [
    { name: "Priya Raman", texts: ["Hi! Can I change the delivery address for order #5530?"] },
    { name: "Lukas Becker", texts: ["Danke, alles angekommen 👍"] },
    { name: "Sofía Martínez", texts: ["¿Tienen la talla M en azul?", "La necesito para el viernes 🙏"] },
  ];
  for (const customer of customers) {
    const from = uniquePhone();
    for (const text of customer.texts) await sendWebhook({ from, name: customer.name, text });
  }
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Alex Examplé", text: "Olá! Is order #4821 ready for pickup? 📦" });

  const page = await signedInPage("admin@example.com", "admin");
  await page.setViewportSize({ width: 1280, height: 760 });
  // A label on the open conversation, made as an admin would (or made already by an earlier run of
  // the suite on the same database: then the form says so, and it is used as it is).
  const label = "Pickup";
  await page.goto("/admin/labels");
  const form = page.getByRole("region", { name: "Add a label" });
  await form.getByRole("textbox", { name: "Name" }).fill(label);
  await form.getByRole("radio", { name: "Green" }).check();
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("status").or(form.getByRole("alert"))).toHaveText(/^Added Pickup\.$|already$/);
  await openConversation(page, "Alex Examplé", "Is order #4821 ready");
  await page.getByRole("button", { name: /^Labels/ }).click();
  await page.getByRole("checkbox", { name: label }).check();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("list", { name: "Labels" }).getByText(label)).toBeVisible();

  const replies = ["Yes — it's ready at the Rua Augusta store 🙂", "We're open until 19:00 today."];
  const wamids = replies.map(() => newFakeWamid());
  graph.script(...wamids.map((wamid) => ({ status: 200, body: acceptedReply(phone, wamid), to: phone })));
  for (const text of replies) await sendReply(page, text);
  for (const text of replies) await expect(tickOf(page, text, "sent")).toBeVisible();
  for (const wamid of wamids) await postWebhook(server.url, server.appSecret, statusUpdate(wamid, "read"));
  await sendWebhook({ from: phone, name: "Alex Examplé", text: "Perfect, on my way! 🚲" });

  const log = messageLog(page);
  for (const text of replies) await expect(tickOf(page, text, "read")).toBeVisible();
  await expect(log.getByText("Perfect, on my way! 🚲")).toBeVisible();
  await messageBox(page).fill("See you soon! Ask for Ana at the pickup counter.");
  await expect(page.getByText("Customer last wrote just now")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
  // Transitions finished: the Send button has just become active.
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../docs/screenshot.png"), animations: "disabled" });

  // The Reports page over the last 30 days, its charts drawn.
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("img", { name: /^Busiest hour: / }).locator(".recharts-scatter-symbol").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /messages in/ }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../docs/reports.png"), animations: "disabled" });
});
