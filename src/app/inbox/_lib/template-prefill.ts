// What the "Send a template" dialog fills in for the agent: the variables it can guess. Only the
// obvious one — a greeting followed by {{n}} ("Hi {{1}}", "Dear {{1}}") is the customer's name —
// because a wrong guess sent to a customer is worse than an empty field.
const GREETING_BEFORE = /\b(hi|hello|hey|dear|hallo|hola|bonjour|ciao|olá|ola)[\s,]*$/i;

/** One value per variable ({{1}} first): the contact's first name after a greeting, else "". */
export function prefillVariables(body: string, variableCount: number, contactName: string): string[] {
  const firstName = contactName.trim().split(/\s+/)[0] ?? "";
  return Array.from({ length: variableCount }, (_, index) => {
    const at = body.search(new RegExp(`\\{\\{\\s*${index + 1}\\s*\\}\\}`));
    return at >= 0 && GREETING_BEFORE.test(body.slice(0, at)) ? firstName : "";
  });
}

/** Whether a template matches what the agent typed in the search box (name or text, any case). */
export function matchesTemplateSearch(template: { name: string; body: string; language: string }, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${template.name.replace(/_/g, " ")} ${template.name} ${template.language} ${template.body}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
