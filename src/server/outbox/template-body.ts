// The Cloud API body of a template message (Meta's "Send message templates"): the template by name
// and language, and its body variables as text parameters, in order ({{1}} first). The values were
// stored with the message (details) when the agent sent it, so a retry sends exactly the same.
import { z } from "zod";
import { UnsendableMessageError, type OutboundMessage } from "./request-body";

const ZTemplateDetails = z.looseObject({
  templateName: z.string().min(1),
  templateLanguage: z.string().min(1),
  templateParameters: z.string(),
});
const ZParameters = z.array(z.string());

/** The details a template message is stored with: what the worker needs to send it again. */
export function templateDetails(template: { name: string; language: string; header: string | null; footer: string | null }, parameters: readonly string[]) {
  return {
    templateName: template.name,
    templateLanguage: template.language,
    templateParameters: JSON.stringify(parameters),
    ...(template.header ? { templateHeader: template.header } : {}),
    ...(template.footer ? { templateFooter: template.footer } : {}),
  };
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

export function templateMessageBody(to: string, message: OutboundMessage) {
  const details = ZTemplateDetails.safeParse(parseJson(message.details));
  const parameters = details.success ? ZParameters.safeParse(parseJson(details.data.templateParameters)) : null;
  if (!details.success || !parameters?.success) throw new UnsendableMessageError("This template message has lost which template it is");
  const components = parameters.data.length === 0 ? [] : [{ type: "body", parameters: parameters.data.map((text) => ({ type: "text", text })) }];
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "template",
    template: { name: details.data.templateName, language: { code: details.data.templateLanguage }, components },
    biz_opaque_callback_data: message.id,
  };
}
