import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplateSend } from "../demo/simulated-templates";
import { templateDetails, templateMessageBody } from "../outbox/template-body";
import { UnsendableMessageError } from "../outbox/request-body";
import { toSendableTemplate } from "./sendable";
import { templateStatusUpdates } from "./status-webhook";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp", name), "utf8"));

const stored = (template: { name: string; language: string; category: string; status: string; components: unknown }) => ({
  ...template,
  components: JSON.stringify(template.components),
});

describe("which templates are offered", () => {
  const listed = (fixture("templates-list.json") as { data: Parameters<typeof stored>[0][] }).data;

  it("approved ones whose variables are numbered body variables, as the dialog shows them", () => {
    const offered = listed.map((template) => toSendableTemplate(stored(template))).filter((template) => template !== null);
    expect(offered.map((template) => template.name)).toEqual(["order_update", "we_are_back"]);
    expect(offered[1]).toMatchObject({ header: null, footer: null, variableCount: 1 });
  });

  it("not a template with named variables or damaged components", () => {
    const base = { name: "x", language: "en", category: "UTILITY", status: "APPROVED" };
    expect(toSendableTemplate(stored({ ...base, components: [{ type: "BODY", text: "Hi {{first_name}}" }] }))).toBeNull();
    expect(toSendableTemplate({ ...base, components: "not json" })).toBeNull();
  });
});

describe("the template request body", () => {
  const template = { name: "order_update", language: "en_US", header: "Order update", footer: null };
  const message = (parameters: string[]) => ({ id: "m1", type: "template", body: "", details: JSON.stringify(templateDetails(template, parameters)) });

  it("names the template and language and gives the body variables in order", () => {
    expect(templateMessageBody("15550001111", message(["Alex", "#7"]))).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550001111",
      type: "template",
      template: { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Alex" }, { type: "text", text: "#7" }] }] },
      biz_opaque_callback_data: "m1",
    });
    expect(templateMessageBody("15550001111", message([]))).toMatchObject({ template: { components: [] } });
  });

  it("refuses a message whose template details are lost", () => {
    expect(() => templateMessageBody("1555", { id: "m", type: "template", body: "", details: null })).toThrow(UnsendableMessageError);
  });
});

describe("the status webhook", () => {
  it("reads the fixture's pause, maps reinstated to approved and ignores flagged", () => {
    expect(templateStatusUpdates(fixture("template-status-update.json"))).toEqual([
      { businessAccountId: "100000000000001", name: "we_are_back", language: "en_US", status: "PAUSED" },
    ]);
    const delivery = (event: string) => ({
      entry: [{ id: "1", changes: [{ field: "message_template_status_update", value: { event, message_template_name: "t", message_template_language: "en" } }] }],
    });
    expect(templateStatusUpdates(delivery("REINSTATED"))[0]?.status).toBe("APPROVED");
    expect(templateStatusUpdates(delivery("FLAGGED"))).toEqual([]);
  });
});

describe("the simulated WhatsApp's template sends", () => {
  const send = (name: string, parameters: string[]) =>
    JSON.stringify({
      messaging_product: "whatsapp",
      to: "15550001111",
      type: "template",
      template: { name, language: { code: "en_US" }, components: [{ type: "body", parameters: parameters.map((text) => ({ type: "text", text })) }] },
    });

  it("delivers the filled-in text, and refuses unknown templates and wrong variables like the Cloud API", () => {
    expect(parseTemplateSend(send("we_are_back", ["Alex"]))).toMatchObject({ body: expect.stringMatching(/^Hi Alex, sorry we missed you!/) });
    expect(parseTemplateSend(send("nope", []))).toMatchObject({ body: { error: { code: 132001 } } });
    expect(parseTemplateSend(send("order_update", ["Alex"]))).toMatchObject({ body: { error: { code: 132000 } } });
    expect(parseTemplateSend(JSON.stringify({ type: "text" }))).toBeNull();
  });
});
