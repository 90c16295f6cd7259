// The simulated WhatsApp's message templates (demo mode): a few approved ones, served on
// GET /{waba-id}/message_templates in the Graph API's shape, and template sends checked the way
// the Cloud API checks them — an unknown template is refused with 132001, a wrong number of
// variables with 132000 — so demo mode shows the same outcomes as production.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { fillTemplate, variableKeys } from "@/shared/templates";
import type { GraphError, TextSend } from "./graph-replies";

export const TEMPLATES_PATH = /^\/v\d+\.\d+\/\d+\/message_templates$/;

const SIMULATED_TEMPLATES = [
  {
    id: "700000000000001",
    name: "order_update",
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    components: [
      { type: "HEADER", format: "TEXT", text: "Order update" },
      { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way. Reply here if you have any questions.", example: { body_text: [["Alex", "#10234"]] } },
      { type: "FOOTER", text: "Sent by our support team" },
    ],
  },
  {
    id: "700000000000002",
    name: "we_are_back",
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    components: [{ type: "BODY", text: "Hi {{1}}, sorry we missed you! We're back and happy to help with your question.", example: { body_text: [["Alex"]] } }],
  },
  {
    id: "700000000000003",
    name: "appointment_reminder",
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    components: [{ type: "BODY", text: "Hi {{1}}, this is a reminder of your appointment on {{2}} at {{3}}. Reply to change it." }],
  },
  {
    id: "700000000000004",
    name: "order_shipped",
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    parameter_format: "NAMED",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2U="] } },
      {
        type: "BODY",
        text: "Good news, {{first_name}}! Order {{order_id}} has shipped.",
        example: { body_text_named_params: [{ param_name: "first_name", example: "Alex" }, { param_name: "order_id", example: "#10234" }] },
      },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Track the parcel", url: "https://example.com/track/{{1}}", example: ["https://example.com/track/10234"] }] },
    ],
  },
] as const;

/** All of them on one page: the demo account has only a few. */
export function simulatedTemplatesPage() {
  const cursor = Buffer.from(String(SIMULATED_TEMPLATES.length)).toString("base64url");
  return { data: SIMULATED_TEMPLATES, paging: { cursors: { before: "MAZDZD", after: cursor } } };
}

const ZTemplateSend = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  to: z.string().regex(/^\+?\d{6,15}$/),
  type: z.literal("template"),
  template: z.looseObject({
    name: z.string().min(1),
    language: z.looseObject({ code: z.string().min(1) }),
    components: z
      .array(z.looseObject({ type: z.string(), parameters: z.array(z.looseObject({ type: z.string(), text: z.string().min(1).optional(), parameter_name: z.string().optional() })).optional() }))
      .optional(),
  }),
  biz_opaque_callback_data: z.string().max(512).optional(),
});

const templateError = (code: number, message: string, details: string): GraphError => ({
  status: code === 132001 ? 404 : 400,
  body: { error: { message, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: `A${randomBytes(11).toString("base64url")}` } },
});

/** A template send as the text it delivers; null when the body is not a template send at all. */
export function parseTemplateSend(rawBody: string): TextSend | GraphError | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if ((json as { type?: unknown } | null)?.type !== "template") return null;
  const parsed = ZTemplateSend.safeParse(json);
  if (!parsed.success) return templateError(100, "(#100) Invalid parameter", `Param ${parsed.error.issues[0]?.path.join(".") ?? "template"} is invalid`);
  const { to, template, biz_opaque_callback_data } = parsed.data;
  const known = SIMULATED_TEMPLATES.find((candidate) => candidate.name === template.name && candidate.language === template.language.code);
  if (!known) return templateError(132001, "(#132001) Template name does not exist in the translation", `template name (${template.name}) does not exist in ${template.language.code}`);
  const body = known.components.find((component) => component.type === "BODY")?.text ?? "";
  const parameters = (template.components ?? []).filter((component) => component.type === "body").flatMap((component) => component.parameters ?? []);
  const expected = variableKeys(body);
  const named = "parameter_format" in known;
  const values = named
    ? Object.fromEntries(parameters.map((parameter) => [parameter.parameter_name ?? "", parameter.text ?? ""]))
    : parameters.map((parameter) => parameter.text ?? "");
  const complete = named ? expected.every((key) => key in values) : parameters.length === expected.length;
  if (parameters.length !== expected.length || !complete || parameters.some((parameter) => parameter.type !== "text" || !parameter.text)) {
    return templateError(132000, "(#132000) Number of parameters does not match the expected number of params", `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${expected.length})`);
  }
  return { to, waId: to.replace(/\D/g, ""), body: fillTemplate(body, values), bizOpaqueCallbackData: biz_opaque_callback_data };
}
