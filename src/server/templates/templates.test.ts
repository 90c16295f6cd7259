import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplateSend } from "../demo/simulated-templates";
import { templateDetails, templateMessageBody } from "../outbox/template-body";
import { UnsendableMessageError } from "../outbox/request-body";
import { toSendableTemplate } from "./sendable";
import { templateStatusUpdates } from "./status-webhook";
import { english } from "../i18n/english";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp", name), "utf8"));

const stored = (template: { name: string; language: string; category: string; status: string; components: unknown }) => ({
  ...template,
  components: JSON.stringify(template.components),
});

describe("which templates are offered", () => {
  const listed = (fixture("templates-list.json") as { data: Parameters<typeof stored>[0][] }).data;
  // Labels in English, as the dashboard words them for an English reader.
  const offered = listed
    .map((template) => toSendableTemplate(stored(template)))
    .filter((template) => template !== null)
    .map((template) => ({ ...template, fields: template.fields.map((field) => ({ ...field, label: english(field.label) })) }));
  const offeredNamed = (name: string) => offered.find((template) => template.name === name)!;

  it("approved ones whose every field Switchboard can fill, as the dialog shows them", () => {
    // Not the rejected, the pending, nor one with a coupon-code button.
    expect(offered.map((template) => template.name)).toEqual(["order_update", "we_are_back", "shipping_label", "delivery_window"]);
    expect(offeredNamed("we_are_back")).toMatchObject({ header: null, headerMedia: null, footer: null, buttons: ["Continue the chat"], fields: [{ component: "body", key: "1", label: "Variable 1" }] });
  });

  it("asks for a media header's link, a text header's variable, named variables by name and a URL button's end", () => {
    expect(offeredNamed("shipping_label")).toMatchObject({
      headerMedia: "document",
      fields: [
        { component: "header", key: "", media: "document", label: "Header document link" },
        { component: "body", key: "1", label: "Variable 1" },
      ],
    });
    expect(offeredNamed("delivery_window")).toMatchObject({
      header: "Delivery of {{order_id}}",
      namedVariables: true,
      buttons: ["Change the time", "Track the parcel"],
      fields: [
        { component: "header", key: "order_id", label: "order_id" },
        { component: "body", key: "first_name", label: "first_name" },
        { component: "body", key: "window", label: "window" },
        { component: "button", key: "1", buttonIndex: 1, label: "Link ending for “Track the parcel”" },
      ],
    });
  });

  it("not a template with mixed or malformed variables, a location header or damaged components", () => {
    const base = { name: "x", language: "en", category: "UTILITY", status: "APPROVED" };
    expect(toSendableTemplate(stored({ ...base, components: [{ type: "BODY", text: "Hi {{first_name}}, {{1}}" }] }))).toBeNull();
    expect(toSendableTemplate(stored({ ...base, components: [{ type: "BODY", text: "Hi {{2}}" }] }))).toBeNull();
    expect(toSendableTemplate(stored({ ...base, components: [{ type: "HEADER", format: "LOCATION" }, { type: "BODY", text: "Here" }] }))).toBeNull();
    expect(toSendableTemplate(stored({ ...base, components: [{ type: "CAROUSEL" }, { type: "BODY", text: "Cards" }] }))).toBeNull();
    expect(toSendableTemplate({ ...base, components: "not json" })).toBeNull();
  });
});

describe("the template request body", () => {
  const listed = (fixture("templates-list.json") as { data: Parameters<typeof stored>[0][] }).data;
  const template = (name: string) => toSendableTemplate(stored(listed.find((candidate) => candidate.name === name)!))!;
  const message = (name: string, values: string[]) => ({ id: "m1", type: "template", body: "", details: JSON.stringify(templateDetails(template(name), values)) });

  it("names the template and language and gives the body variables in order", () => {
    expect(templateMessageBody("15550001111", message("order_update", ["Alex", "#7"]))).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550001111",
      type: "template",
      template: { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Alex" }, { type: "text", text: "#7" }] }] },
      biz_opaque_callback_data: "m1",
    });
  });

  it("sends a media header by link, named variables with their names and a URL button's end by index", () => {
    expect(templateMessageBody("1555", message("shipping_label", ["https://example.com/label.pdf", "#7"])).template.components).toEqual([
      { type: "header", parameters: [{ type: "document", document: { link: "https://example.com/label.pdf" } }] },
      { type: "body", parameters: [{ type: "text", text: "#7" }] },
    ]);
    expect(templateMessageBody("1555", message("delivery_window", ["#7", "Ana", "today", "7"])).template.components).toEqual([
      { type: "header", parameters: [{ type: "text", parameter_name: "order_id", text: "#7" }] },
      {
        type: "body",
        parameters: [
          { type: "text", parameter_name: "first_name", text: "Ana" },
          { type: "text", parameter_name: "window", text: "today" },
        ],
      },
      { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "7" }] },
    ]);
  });

  it("stores what the log shows: the header filled in, the media link, the footer and the buttons", () => {
    expect(templateDetails(template("delivery_window"), ["#7", "Ana", "today", "7"])).toMatchObject({
      templateHeader: "Delivery of #7",
      templateButtons: JSON.stringify(["Change the time", "Track the parcel"]),
    });
    expect(templateDetails(template("shipping_label"), ["https://example.com/label.pdf", "#7"])).toMatchObject({
      templateHeaderMedia: "document",
      templateHeaderLink: "https://example.com/label.pdf",
    });
  });

  it("still sends a message queued before templates had more than a body", () => {
    const details = JSON.stringify({ templateName: "order_update", templateLanguage: "en_US", templateParameters: JSON.stringify(["Alex", "#7"]) });
    expect(templateMessageBody("1555", { id: "m", type: "template", body: "", details }).template.components).toEqual([
      { type: "body", parameters: [{ type: "text", text: "Alex" }, { type: "text", text: "#7" }] },
    ]);
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

  it("fills named variables by their names and wants every one of them", () => {
    const named = (parameters: { parameter_name: string; text: string }[]) =>
      JSON.stringify({
        messaging_product: "whatsapp",
        to: "15550001111",
        type: "template",
        template: {
          name: "order_shipped",
          language: { code: "en_US" },
          components: [
            { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/box.jpg" } }] },
            { type: "body", parameters: parameters.map((parameter) => ({ type: "text", ...parameter })) },
          ],
        },
      });
    const both = [
      { parameter_name: "order_id", text: "#7" },
      { parameter_name: "first_name", text: "Ana" },
    ];
    expect(parseTemplateSend(named(both))).toMatchObject({ body: "Good news, Ana! Order #7 has shipped." });
    expect(parseTemplateSend(named(both.slice(1)))).toMatchObject({ body: { error: { code: 132000 } } });
  });
});
