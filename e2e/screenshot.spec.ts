// Takes the README's screenshot of a dashboard with a few live conversations in it.
import path from "node:path";
import { insertOutboundMessage } from "../testing/outbound";
import { newWamid, postWebhook, statusUpdate } from "../testing/webhook";
import { expect, test } from "./fixtures";

test("the dashboard, for the README", async ({ signedInPage, sendWebhook, uniquePhone, server }) => {
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
  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: /Alex Examplé/ }).click();
  await page.waitForURL(/\/inbox\/[^/]+$/);
  const conversationId = new URL(page.url()).pathname.split("/").pop()!;
  const wamid = newWamid();
  await insertOutboundMessage(`file:${server.dataDir}/switchboard.db`, conversationId, { wamid, body: "Yes — it's ready at the Rua Augusta store until 19:00.", status: "sent" });
  await page.reload();
  await postWebhook(server.url, server.appSecret, statusUpdate(wamid, "read"));
  await sendWebhook({ from: phone, name: "Alex Examplé", text: "Perfect, on my way! 🚲" });

  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByRole("img", { name: "Status: read" })).toBeVisible();
  await expect(log.getByText("Perfect, on my way! 🚲")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../docs/screenshot.png") });
});
