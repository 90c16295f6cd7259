// An inbox's templates in the database. Each write records `templates.changed` for the inbox in
// the same transaction, so every open "Send a template" dialog of that inbox reloads its list.
import { db, type Tx } from "../db/client";
import { writeWithEvents } from "../events/log";
import type { RecordEvent } from "../events/record";
import type { TGraphTemplate } from "./graph-templates";

const changed = (record: RecordEvent, inboxId: string) => record({ inboxId, conversationId: null }, { type: "templates.changed", inboxId });

/** Makes `templates` the inbox's whole list: new ones added, changed ones updated, gone ones removed. */
export async function replaceTemplates(inboxId: string, templates: readonly TGraphTemplate[]): Promise<void> {
  await writeWithEvents(async (tx, record) => {
    const keep = new Set(templates.map((template) => `${template.name}\u0000${template.language}`));
    const stored = await tx.messageTemplate.findMany({ where: { inboxId }, select: { name: true, language: true } });
    for (const gone of stored.filter((row) => !keep.has(`${row.name}\u0000${row.language}`))) {
      await tx.messageTemplate.delete({ where: { inboxId_name_language: { inboxId, name: gone.name, language: gone.language } } });
    }
    for (const template of templates) {
      const fields = { category: template.category, status: template.status, components: JSON.stringify(template.components) };
      await tx.messageTemplate.upsert({
        where: { inboxId_name_language: { inboxId, name: template.name, language: template.language } },
        create: { inboxId, name: template.name, language: template.language, ...fields },
        update: fields,
      });
    }
    await tx.inbox.update({ where: { id: inboxId }, data: { templatesFetchedAt: new Date() } });
    await changed(record, inboxId);
  });
}

/** A status webhook's news; false when the inbox has no such template (yet). */
export async function setTemplateStatus(inboxId: string, name: string, language: string, status: string): Promise<boolean> {
  return writeWithEvents(async (tx: Tx, record) => {
    const result = await tx.messageTemplate.updateMany({ where: { inboxId, name, language }, data: { status } });
    if (result.count === 0) return false;
    await changed(record, inboxId);
    return true;
  });
}

export function storedTemplates(inboxId: string) {
  return db().read.messageTemplate.findMany({ where: { inboxId }, orderBy: [{ name: "asc" }, { language: "asc" }] });
}

export function findStoredTemplate(tx: Tx, inboxId: string, name: string, language: string) {
  return tx.messageTemplate.findUnique({ where: { inboxId_name_language: { inboxId, name, language } } });
}
