// Plays a customer writing to the running demo server: posts a signed inbound webhook, exactly as
// WhatsApp would, with the demo app secret the server generated under data/.
// Usage: npm run simulate -- "Hello!" [--name "Ana Souza"] [--from 15550001234] [--url http://127.0.0.1:3000]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { postWebhook, textMessage } from "../testing/webhook";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string", default: "Demo Customer" },
    from: { type: "string", default: "15550100001" },
    url: { type: "string", default: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});

const text = positionals.join(" ").trim();
const secretFile = path.resolve("data", "demo-app-secret");
const secret = process.env.WHATSAPP_APP_SECRET ?? (fs.existsSync(secretFile) ? fs.readFileSync(secretFile, "utf8").trim() : "");
if (!text || !/^\d{6,15}$/.test(values.from) || !secret) {
  console.error(
    !secret
      ? "No app secret: start the server once in demo mode (npm start), or set WHATSAPP_APP_SECRET."
      : 'Usage: npm run simulate -- "Hello!" [--name "Ana Souza"] [--from 15550001234] [--url http://127.0.0.1:3000]',
  );
  process.exit(2);
}

const response = await postWebhook(values.url, secret, textMessage({ from: values.from, name: values.name, text }));
console.log(`${response.status} ${await response.text()}`);
process.exit(response.ok ? 0 : 1);
