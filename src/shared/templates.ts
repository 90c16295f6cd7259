// Message templates: what the server lists, what the composer sends, and how a template's text is
// filled in. The dialog's preview and the message stored in the log use the same fillTemplate, so
// what the agent previews is exactly what the log (and the customer) shows.
//
// A template asks the agent for one value per field: the body's variables (numbered {{1}} … or
// named {{first_name}} …, never both), a variable in a text header, a link to the file of a media
// header, and the variable end of a URL button's link. The fields come in that order (header,
// body, buttons) and the send carries one value per field, in the same order.
import { z } from "zod";
import { encodeText, firstProblem, said, ZServerText, type ServerText } from "./server-text";

export const HEADER_MEDIA_KINDS = ["image", "video", "document"] as const;
export type THeaderMedia = (typeof HEADER_MEDIA_KINDS)[number];

export const ZTemplateField = z.object({
  /** Where the value goes in the Cloud API request. */
  component: z.enum(["header", "body", "button"]),
  /** The variable: "1", "2"… when numbered, its name when named; "" for a media header's link. */
  key: z.string(),
  /** A media header: the value is an https link to the file WhatsApp fetches. */
  media: z.enum(HEADER_MEDIA_KINDS).optional(),
  /** A URL button's place among the template's buttons (the Cloud API's `index`). */
  buttonIndex: z.number().int().nonnegative().optional(),
  /** The field's label in the dialog ("Variable 1", "first_name", "Header image link"…), worded in the reader's language. */
  label: ZServerText,
});
export type TTemplateField = z.infer<typeof ZTemplateField>;

/** A template the agent may send: approved, and with only fields Switchboard knows how to fill. */
export const ZTemplate = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  /** A text header (it may hold one variable). */
  header: z.string().nullable(),
  /** A media header: the agent gives a link to the file. */
  headerMedia: z.enum(HEADER_MEDIA_KINDS).nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  /** The buttons' labels, as the customer sees them under the message. */
  buttons: z.array(z.string()),
  /** Named variables are sent with their names (the Cloud API's parameter_format NAMED). */
  namedVariables: z.boolean(),
  fields: z.array(ZTemplateField),
});
export type TTemplate = z.infer<typeof ZTemplate>;

/** The most fields a template can have that Switchboard will fill. */
export const MAX_TEMPLATE_VARIABLES = 30;
/** WhatsApp's limit for one text parameter. */
export const MAX_TEMPLATE_PARAMETER_LENGTH = 1024;
/** A media header's link: WhatsApp fetches it, so it must be public https. */
export const MAX_TEMPLATE_LINK_LENGTH = 2048;

// WhatsApp refuses a parameter with a new line, a tab or more than four spaces in a row (132018),
// so the form says so before anything is queued.
export const ZTemplateText = z
  .string()
  .trim()
  .min(1, encodeText(said("fillEveryVariable")))
  .max(MAX_TEMPLATE_PARAMETER_LENGTH, encodeText(said("variableTooLong", { max: MAX_TEMPLATE_PARAMETER_LENGTH })))
  .refine((text) => !/[\n\t]| {5}/.test(text), encodeText(said("variableWhitespace")));

export const ZTemplateLink = z
  .string()
  .trim()
  .max(MAX_TEMPLATE_LINK_LENGTH, encodeText(said("linkTooLong", { max: MAX_TEMPLATE_LINK_LENGTH })))
  .refine((text) => URL.canParse(text) && new URL(text).protocol === "https:", encodeText(said("headerNeedsHttps")));

/** What the dialog sends; `id` is made by the client, so a repeated send stores one message. */
export const ZSendTemplate = z.object({
  conversationId: z.string().min(1).max(100),
  id: z.uuid(),
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(20),
  /** One value per field of the template, in its order; the server checks each against its field. */
  parameters: z.array(z.union([ZTemplateText, ZTemplateLink])).max(MAX_TEMPLATE_VARIABLES),
});
export type TSendTemplate = z.infer<typeof ZSendTemplate>;

/** Why `value` cannot fill `field`, or null when it can. */
export function fieldProblem(field: TTemplateField, value: string): ServerText | null {
  const result = (field.media ? ZTemplateLink : ZTemplateText).safeParse(value);
  return result.success ? null : firstProblem(result.error.issues);
}

const VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*|\d+)\s*\}\}/g;

/** The variables in `text` in first-use order, e.g. ["1", "2"] or ["first_name", "order"]. */
export function variableKeys(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]!))];
}

/** The variable numbers in `text`, e.g. [1, 2] for "Hi {{1}}, order {{2}}"; named ones are left out. */
export function variableNumbers(text: string): number[] {
  return variableKeys(text)
    .filter((key) => /^\d+$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * How `text`'s variables are written: "numbered" ({{1}} … {{n}}, no gaps), "named" ({{first_name}}),
 * "none", or null when they are mixed, have gaps or are not variables WhatsApp allows ({{First Name}}).
 */
export function variableStyle(text: string): "numbered" | "named" | "none" | null {
  const keys = variableKeys(text);
  if (text.replace(VARIABLE, "").includes("{{")) return null;
  if (keys.length === 0) return "none";
  const numbers = variableNumbers(text);
  if (numbers.length === keys.length) return numbers.every((number, index) => number === index + 1) ? "numbered" : null;
  return numbers.length === 0 ? "named" : null;
}

/** Whether `text` uses variables other than {{1}} … {{n}} (named ones, gaps). */
export function hasOnlyNumberedVariables(text: string): boolean {
  const style = variableStyle(text);
  return style === "numbered" || style === "none";
}

/**
 * `text` with each variable replaced by its value: `values` is an array for {{1}} … (values[n-1])
 * or a map by key. A variable without a value stays as it is.
 */
export function fillTemplate(text: string, values: readonly string[] | Readonly<Record<string, string>>): string {
  const valueOf = (key: string) => (Array.isArray(values) ? (values as readonly string[])[Number(key) - 1] : (values as Record<string, string>)[key]);
  return text.replace(VARIABLE, (whole, key: string) => valueOf(key) ?? whole);
}

/** The values of one component's fields by variable key, for fillTemplate. */
export function valuesFor(template: Pick<TTemplate, "fields">, values: readonly string[], component: TTemplateField["component"]): Record<string, string> {
  const byKey: Record<string, string> = {};
  template.fields.forEach((field, index) => {
    const value = values[index];
    if (field.component === component && !field.media && value) byKey[field.key] = value;
  });
  return byKey;
}
