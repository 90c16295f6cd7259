// Plays a customer writing to the running demo server: posts a signed inbound webhook, exactly as
// WhatsApp would, with the demo app secret the server generated under data/. The payload comes
// from the same builder the dashboard's "Simulate customer" uses.
// Usage: npm run simulate -- "Hello!" [--name "Ana Souza"] [--from 15550001234] [--url http://127.0.0.1:3000]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { inboundTextDelivery, newWamid, postSignedWebhook } from "../src/server/demo/webhook-payloads";
import { WEBHOOK_PATH } from "../src/shared/webhook-path";

const USAGE = 'Usage: npm run simulate -- "Hello!" [--name "Ana Souza"] [--from 15550001234] [--url http://127.0.0.1:3000]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string", default: "Demo Customer" },
    from: { type: "string", default: "15550100001" },
    url: { type: "string", default: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});

const text = positionals.join(" ").trim();
// As in the dashboard: "+1 555 010 0001" is the wa_id 15550100001.
const from = /^\+?[\d ]+$/.test(values.from.trim()) ? values.from.replace(/\D/g, "") : "";
const secretFile = path.resolve("data", "demo-app-secret");
const secret = process.env.WHATSAPP_APP_SECRET ?? (fs.existsSync(secretFile) ? fs.readFileSync(secretFile, "utf8").trim() : "");
const problem = !secret
  ? "No app secret: start the server once in demo mode (npm start), or set WHATSAPP_APP_SECRET."
  : !text
    ? "Write the customer's message."
    : !/^\d{6,15}$/.test(from)
      ? `--from must be a phone number of 6 to 15 digits (a leading + and spaces are fine), not "${values.from}".`
      : values.name.trim() === ""
        ? "--name must not be empty."
        : null;
if (problem) {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

const delivery = inboundTextDelivery({
  phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID ?? "200000000000002",
  from,
  name: values.name.trim(),
  messages: [{ text, wamid: newWamid("CLI") }],
});
const response = await postSignedWebhook(`${values.url.replace(/\/+$/, "")}${WEBHOOK_PATH}`, secret, delivery);
console.log(`${response.status} ${await response.text()}`);
process.exit(response.ok ? 0 : 1);
