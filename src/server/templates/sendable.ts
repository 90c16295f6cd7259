// Which stored templates an agent can send from the composer, and the fields the dialog asks for.
// Switchboard fills body variables (numbered or named), one variable in a text header, a link to
// the file of an image, video or document header, and the variable end of URL buttons' links. A
// template that needs anything else (a location header, coupon-code, one-time-password or flow
// buttons, carousels) is not offered rather than sent and refused.
import { z } from "zod";
import { HEADER_MEDIA_KINDS, variableKeys, variableStyle, type TTemplate, type TTemplateField } from "@/shared/templates";
import { said } from "@/shared/server-text";

const ZStoredComponents = z.array(
  z.looseObject({
    type: z.string(),
    format: z.string().optional(),
    text: z.string().optional(),
    buttons: z.array(z.looseObject({ type: z.string().optional(), text: z.string().optional(), url: z.string().optional() })).optional(),
  }),
);

/** Button kinds that need no value from the agent, or only a URL's variable end. */
const PLAIN_BUTTONS = new Set(["QUICK_REPLY", "PHONE_NUMBER", "URL"]);
const KNOWN_COMPONENTS = new Set(["HEADER", "BODY", "FOOTER", "BUTTONS"]);

export interface StoredTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  components: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function variableFields(component: "header" | "body", text: string, named: boolean): TTemplateField[] {
  const keys = variableKeys(text);
  if (!named) keys.sort((a, b) => Number(a) - Number(b)); // {{1}} first, wherever it is used
  const labelOf = (key: string) =>
    named ? said("templateNamedVariable", { name: key }) : component === "header" ? said("templateHeaderVariable") : said("templateVariable", { key });
  return keys.map((key) => ({ component, key, label: labelOf(key) }));
}

/** The template as the dialog shows it, or null when it is not approved or not one we can fill. */
export function toSendableTemplate(row: StoredTemplate): TTemplate | null {
  if (row.status !== "APPROVED") return null;
  const parsed = ZStoredComponents.safeParse(parseJson(row.components));
  if (!parsed.success) return null;
  const components = parsed.data.map((component) => ({ ...component, type: component.type.toUpperCase() }));
  if (components.some((component) => !KNOWN_COMPONENTS.has(component.type))) return null;
  const byType = (type: string) => components.find((component) => component.type === type);
  const header = byType("HEADER");
  const body = byType("BODY");
  const buttons = byType("BUTTONS")?.buttons ?? [];
  if (!body?.text) return null;

  const bodyStyle = variableStyle(body.text);
  const headerFormat = (header?.format ?? "TEXT").toLowerCase();
  const headerText = header && headerFormat === "text" ? (header.text ?? "") : null;
  const headerStyle = headerText === null ? "none" : variableStyle(headerText);
  if (bodyStyle === null || headerStyle === null) return null;
  if (bodyStyle !== "none" && headerStyle !== "none" && bodyStyle !== headerStyle) return null;
  const named = bodyStyle === "named" || headerStyle === "named";
  if (headerText !== null && variableKeys(headerText).length > 1) return null; // WhatsApp allows one
  const headerMedia = header && headerFormat !== "text" ? HEADER_MEDIA_KINDS.find((kind) => kind === headerFormat) : undefined;
  if (header && headerFormat !== "text" && !headerMedia) return null; // a location header

  if (buttons.some((button) => !PLAIN_BUTTONS.has((button.type ?? "").toUpperCase()))) return null;
  const buttonFields: TTemplateField[] = [];
  for (const [index, button] of buttons.entries()) {
    const keys = variableKeys(button.url ?? "");
    if (keys.length > 1 || (keys.length === 1 && !button.url?.endsWith("}}"))) return null; // only a variable end
    if (keys.length === 1) buttonFields.push({ component: "button", key: keys[0]!, buttonIndex: index, label: said("templateLinkEnding", { button: button.text || "none" }) });
  }

  return {
    name: row.name,
    language: row.language,
    category: row.category,
    header: headerText,
    headerMedia: headerMedia ?? null,
    body: body.text,
    footer: byType("FOOTER")?.text ?? null,
    buttons: buttons.map((button) => button.text ?? "").filter(Boolean),
    namedVariables: named,
    fields: [
      ...(headerMedia ? [{ component: "header" as const, key: "", media: headerMedia, label: said("templateHeaderLink", { kind: headerMedia }) }] : []),
      ...(headerText === null ? [] : variableFields("header", headerText, named)),
      ...variableFields("body", body.text, named),
      ...buttonFields,
    ],
  };
}
