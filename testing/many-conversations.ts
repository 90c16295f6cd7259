// Many customers writing at once, for tests of long conversation lists: one signed delivery per
// batch, each customer's message a second older than the one before, so the list's order is known.
import { newWamid, unixSeconds, webhookDelivery } from "../src/server/demo/webhook-payloads";
import { DEFAULT_PHONE_NUMBER_ID, postWebhook } from "./webhook";

export interface ManyConversationsOptions {
  count: number;
  /** The customers' numbers are this prefix and the customer's index. */
  numberPrefix: string;
  phoneNumberId?: string;
  /** The newest message is this many seconds ago; each next customer wrote a second earlier. */
  secondsAgo?: number;
}

const BATCH = 50;

/** The customer numbers, newest first: the order the list shows them in. */
export async function seedConversations(baseUrl: string, appSecret: string, options: ManyConversationsOptions): Promise<string[]> {
  const newest = Math.floor(Date.now() / 1000) - (options.secondsAgo ?? 60);
  const numbers = Array.from({ length: options.count }, (_, index) => `${options.numberPrefix}${String(index).padStart(4, "0")}`);
  for (let start = 0; start < numbers.length; start += BATCH) {
    const batch = numbers.slice(start, start + BATCH);
    const delivery = webhookDelivery(options.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID, {
      contacts: batch.map((from) => ({ profile: { name: `Customer ${from}` }, wa_id: from })),
      messages: batch.map((from, offset) => ({
        from,
        id: newWamid(),
        timestamp: unixSeconds((newest - start - offset) * 1000),
        type: "text",
        text: { body: `Hello from ${from}` },
      })),
    });
    const response = await postWebhook(baseUrl, appSecret, delivery);
    if (response.status !== 200) throw new Error(`seeding conversations: the webhook answered ${response.status}`);
  }
  return numbers;
}
