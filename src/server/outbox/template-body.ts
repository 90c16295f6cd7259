// The Cloud API body of a template message (Meta's "Send message templates"): the template by name
// and language, and a component per part the agent filled in — the header's variable or media
// link, the body's variables (with their names when the template's are named) and each URL
// button's variable end. The components are made once, when the agent sends, and stored with the
// message (details), so a retry sends exactly the same.
import { z } from "zod";
import { fillTemplate, valuesFor, type TTemplate } from "@/shared/templates";
import { UnsendableMessageError, type OutboundMessage } from "./request-body";
import { said } from "@/shared/server-text";

const ZTemplateDetails = z.looseObject({
  templateName: z.string().min(1),
  templateLanguage: z.string().min(1),
  /** The Cloud API components, as JSON (messages queued since templates had more than a body). */
  templateComponents: z.string().optional(),
  /** The body's values, as JSON: messages queued before templateComponents. */
  templateParameters: z.string().optional(),
});
const ZComponents = z.array(z.looseObject({ type: z.string() }));
const ZParameters = z.array(z.string());

type Parameter = { type: "text"; text: string; parameter_name?: string } | { type: "image" | "video" | "document"; [kind: string]: unknown };

function textParameter(template: TTemplate, key: string, text: string): Parameter {
  return template.namedVariables ? { type: "text", parameter_name: key, text } : { type: "text", text };
}

/** The Cloud API components for `template` filled with `values` (one per field, in order). */
export function templateComponents(template: TTemplate, values: readonly string[]) {
  const header: Parameter[] = [];
  const body: Parameter[] = [];
  const buttons: { type: "button"; sub_type: "url"; index: string; parameters: Parameter[] }[] = [];
  template.fields.forEach((field, index) => {
    const value = values[index] ?? "";
    if (field.media) header.push({ type: field.media, [field.media]: { link: value } });
    else if (field.component === "header") header.push(textParameter(template, field.key, value));
    else if (field.component === "body") body.push(textParameter(template, field.key, value));
    else buttons.push({ type: "button", sub_type: "url", index: String(field.buttonIndex ?? 0), parameters: [{ type: "text", text: value }] });
  });
  return [
    ...(header.length ? [{ type: "header", parameters: header }] : []),
    ...(body.length ? [{ type: "body", parameters: body }] : []),
    ...buttons,
  ];
}

/** The details a template message is stored with: what the worker sends, and what the log shows. */
export function templateDetails(template: TTemplate, values: readonly string[]): Record<string, string> {
  const mediaIndex = template.fields.findIndex((field) => field.media);
  return {
    templateName: template.name,
    templateLanguage: template.language,
    templateComponents: JSON.stringify(templateComponents(template, values)),
    ...(template.header ? { templateHeader: fillTemplate(template.header, valuesFor(template, values, "header")) } : {}),
    ...(template.headerMedia && mediaIndex >= 0 ? { templateHeaderMedia: template.headerMedia, templateHeaderLink: values[mediaIndex] ?? "" } : {}),
    ...(template.footer ? { templateFooter: template.footer } : {}),
    ...(template.buttons.length ? { templateButtons: JSON.stringify(template.buttons) } : {}),
  };
}

function parseJson(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function storedComponents(details: z.infer<typeof ZTemplateDetails>): unknown[] | null {
  if (details.templateComponents !== undefined) {
    const components = ZComponents.safeParse(parseJson(details.templateComponents));
    return components.success ? components.data : null;
  }
  const parameters = ZParameters.safeParse(parseJson(details.templateParameters));
  if (!parameters.success) return null;
  return parameters.data.length === 0 ? [] : [{ type: "body", parameters: parameters.data.map((text) => ({ type: "text", text })) }];
}

export function templateMessageBody(to: string, message: OutboundMessage) {
  const details = ZTemplateDetails.safeParse(parseJson(message.details));
  const components = details.success ? storedComponents(details.data) : null;
  if (!details.success || !components) throw new UnsendableMessageError(said("sendTemplateLost"));
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "template",
    template: { name: details.data.templateName, language: { code: details.data.templateLanguage }, components },
    biz_opaque_callback_data: message.id,
  };
}
