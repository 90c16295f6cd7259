import { describe, expect, it } from "vitest";
import { inboundTextDelivery, statusDelivery } from "../demo/webhook-payloads";
import { updatesIn, ZWebhookPayload } from "./payload";

const PHONE = "200000000000002";

describe("updatesIn", () => {
  it("counts messages and statuses over every entry and change, and nothing in other fields", () => {
    const messages = inboundTextDelivery({ phoneNumberId: PHONE, from: "15550100001", name: "A", messages: [{ text: "one" }, { text: "two" }] });
    const statuses = statusDelivery(PHONE, [
      { wamid: "wamid.A", status: "sent", recipientId: "15550100001" },
      { wamid: "wamid.B", status: "read", recipientId: "15550100001" },
      { wamid: "wamid.C", status: "read", recipientId: "15550100001" },
    ]);
    const delivery = {
      ...messages,
      entry: [...messages.entry, ...statuses.entry, { id: "1", changes: [{ field: "account_update", value: { messages: [1, 2, 3] } }] }],
    };
    expect(updatesIn(ZWebhookPayload.parse(delivery))).toBe(5);
  });
});
