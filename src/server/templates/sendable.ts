// Which stored templates an agent can send from the composer, and how they read. Switchboard fills
// numbered body variables ({{1}}, {{2}}…); a template that needs more (a media header, header or
// button variables, named variables) is not offered rather than sent and refused.
import { z } from "zod";
import { hasOnlyNumberedVariables, variableNumbers, type TTemplate } from "@/shared/templates";

const ZStoredComponents = z.array(
  z.looseObject({
    type: z.string(),
    format: z.string().optional(),
    text: z.string().optional(),
    buttons: z.array(z.looseObject({ url: z.string().optional() })).optional(),
  }),
);

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

/** The template as the dialog shows it, or null when it is not approved or not one we can fill. */
export function toSendableTemplate(row: StoredTemplate): TTemplate | null {
  if (row.status !== "APPROVED") return null;
  const parsed = ZStoredComponents.safeParse(parseJson(row.components));
  if (!parsed.success) return null;
  const byType = (type: string) => parsed.data.find((component) => component.type.toUpperCase() === type);
  const header = byType("HEADER");
  const body = byType("BODY");
  const footer = byType("FOOTER");
  const buttons = byType("BUTTONS");
  if (!body?.text || !hasOnlyNumberedVariables(body.text)) return null;
  if (header && ((header.format ?? "TEXT").toUpperCase() !== "TEXT" || header.text?.includes("{{"))) return null;
  if (buttons?.buttons?.some((button) => button.url?.includes("{{"))) return null;
  return {
    name: row.name,
    language: row.language,
    category: row.category,
    header: header?.text ?? null,
    body: body.text,
    footer: footer?.text ?? null,
    variableCount: variableNumbers(body.text).length,
  };
}
