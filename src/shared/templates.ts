// Message templates: what the server lists, what the composer sends, and how a template's text is
// filled in. The dialog's preview and the message stored in the log use the same fillTemplate, so
// what the agent previews is exactly what the log (and the customer) shows.
import { z } from "zod";

/** A template the agent may send: approved, and with variables only in its body. */
export const ZTemplate = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  header: z.string().nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  /** How many `{{n}}` variables the body has: {{1}} … {{variableCount}}. */
  variableCount: z.number().int().nonnegative(),
});
export type TTemplate = z.infer<typeof ZTemplate>;

/** The most variables a template body can have that Switchboard will fill. */
export const MAX_TEMPLATE_VARIABLES = 30;
/** WhatsApp's limit for one text parameter. */
export const MAX_TEMPLATE_PARAMETER_LENGTH = 1024;

// WhatsApp refuses a parameter with a new line, a tab or more than four spaces in a row (132018),
// so the form says so before anything is queued.
const ZParameter = z
  .string()
  .trim()
  .min(1, "Fill in every variable")
  .max(MAX_TEMPLATE_PARAMETER_LENGTH, `A variable can have at most ${MAX_TEMPLATE_PARAMETER_LENGTH} characters`)
  .refine((text) => !/[\n\t]| {5}/.test(text), "A variable cannot hold new lines, tabs or more than four spaces in a row");

/** What the dialog sends; `id` is made by the client, so a repeated send stores one message. */
export const ZSendTemplate = z.object({
  conversationId: z.string().min(1).max(100),
  id: z.uuid(),
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(20),
  parameters: z.array(ZParameter).max(MAX_TEMPLATE_VARIABLES),
});
export type TSendTemplate = z.infer<typeof ZSendTemplate>;

const VARIABLE = /\{\{\s*(\d+)\s*\}\}/g;

/** The variable numbers in `text`, e.g. [1, 2] for "Hi {{1}}, order {{2}}". */
export function variableNumbers(text: string): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(VARIABLE)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

/** Whether `text` uses variables other than {{1}} … {{n}} (named ones, gaps): those we cannot fill. */
export function hasOnlyNumberedVariables(text: string): boolean {
  const numbers = variableNumbers(text);
  const withoutNumbered = text.replace(VARIABLE, "");
  return !withoutNumbered.includes("{{") && numbers.every((number, index) => number === index + 1);
}

/** `text` with each {{n}} replaced by parameters[n-1]; a variable without a value stays as it is. */
export function fillTemplate(text: string, parameters: readonly string[]): string {
  return text.replace(VARIABLE, (whole, number: string) => parameters[Number(number) - 1] ?? whole);
}
