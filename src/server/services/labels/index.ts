// Labels (issue 13): the team's names for sorting conversations, kept by admins and seen by
// everyone signed in. Each change records `labels.changed` for the whole team in the same
// transaction: every open dashboard reads the list again (a renamed or recoloured chip, a new
// choice in the Labels menu). A conversation's own labels are in ./conversation-labels.ts.
import { prismaSql } from "../../db/prisma-sql";
import { randomUUID } from "node:crypto";
import { db } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { TEAM_WIDE, type RecordEvent } from "../../events/record";
import { labelNameKey, MAX_LABELS, type TLabel, type TLabelColor } from "@/shared/labels";
import { isUniqueViolation } from "../admin/unique";
import { ConflictError, NotFoundError } from "../errors";
import { stripLabelFromConversations } from "./conversation-labels";
import { said, saidOf } from "@/shared/server-text";

export interface LabelInput {
  name: string;
  color: TLabelColor;
}

const toLabel = (row: { id: string; name: string; color: string }): TLabel => ({ id: row.id, name: row.name, color: row.color as TLabelColor });

const taken = (name: string) => new ConflictError(saidOf("name", "labelNameTaken", { name }));

const recordLabelsChanged = (record: RecordEvent) => record(TEAM_WIDE, { type: "labels.changed" });

/** Every label, by name. */
export async function listLabels(): Promise<TLabel[]> {
  const rows = await db().read.label.findMany({ orderBy: [{ nameKey: "asc" }] });
  return rows.map(toLabel);
}

/** Creates (no `id`) or changes the label `id`. A name only differing by case from another's is taken. */
export async function saveLabel(input: LabelInput & { id?: string }): Promise<TLabel> {
  const nameKey = labelNameKey(input.name);
  try {
    return await writeWithEvents(async (tx, record) => {
      const clash = await tx.label.findUnique({ where: { nameKey }, select: { id: true } });
      if (clash && clash.id !== input.id) throw taken(input.name);
      let row;
      if (input.id) {
        const found = await tx.label.findUnique({ where: { id: input.id }, select: { id: true } });
        if (!found) throw new NotFoundError(said("labelNotFound"));
        row = await tx.label.update({ where: { id: input.id }, data: { name: input.name, nameKey, color: input.color } });
      } else {
        if ((await tx.label.count()) >= MAX_LABELS) throw new ConflictError(said("labelLimit", { max: MAX_LABELS }));
        row = await tx.label.create({ data: { id: randomUUID(), name: input.name, nameKey, color: input.color } });
      }
      await recordLabelsChanged(record);
      return toLabel(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name); // two saves of the same name racing
    throw error;
  }
}

/** Deletes a label, and takes it off every conversation that carried it. */
export async function deleteLabel(id: string): Promise<void> {
  await writeWithEvents(async (tx, record) => {
    // On PostgreSQL, waits first for anyone putting this label on a conversation right now (they
    // hold it FOR SHARE: ./conversation-labels.ts), so the strip below sees what they wrote.
    const sql = prismaSql(tx);
    if (sql.provider === "postgresql") await sql.run(`SELECT 1 FROM "Label" WHERE "id" = ? FOR UPDATE`, id);
    const found = await tx.label.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new NotFoundError(said("labelNotFound"));
    await stripLabelFromConversations(tx, id);
    await tx.label.delete({ where: { id } });
    await recordLabelsChanged(record);
  });
}
