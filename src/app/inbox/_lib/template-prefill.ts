// What the "Send a template" dialog fills in for the agent: the variables it can guess. Only the
// obvious one — a greeting followed by a variable ("Hi {{1}}", "Dear {{name}}"), or a variable
// named for it ({{first_name}}), is the customer's name — because a wrong guess sent to a customer
// is worse than an empty field.
import type { TTemplate } from "@/shared/templates";

const GREETING_BEFORE = /\b(hi|hello|hey|dear|hallo|hola|bonjour|ciao|olá|ola)[\s,]*$/i;
const NAME_VARIABLES = new Set(["first_name", "name", "customer_name", "contact_name"]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One value per field of the template: the contact's first name where it is obviously wanted, else "". */
export function prefillFields(template: Pick<TTemplate, "header" | "body" | "fields">, contactName: string): string[] {
  const firstName = contactName.trim().split(/\s+/)[0] ?? "";
  return template.fields.map((field) => {
    const text = field.component === "header" ? (template.header ?? "") : field.component === "body" ? template.body : "";
    if (field.media || !text) return "";
    if (NAME_VARIABLES.has(field.key)) return firstName;
    const at = text.search(new RegExp(`\\{\\{\\s*${escapeRegExp(field.key)}\\s*\\}\\}`));
    return at >= 0 && GREETING_BEFORE.test(text.slice(0, at)) ? firstName : "";
  });
}

/** Whether a template matches what the agent typed in the search box (name or text, any case). */
export function matchesTemplateSearch(template: { name: string; body: string; language: string }, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${template.name.replace(/_/g, " ")} ${template.name} ${template.language} ${template.body}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
