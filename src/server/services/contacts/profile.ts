// A contact as the panel and its events describe it, read inside or outside a transaction.
import type { Tx } from "../../db/client";
import { ZContactProfile, type TContactProfile } from "@/shared/contacts";

type Reader = Pick<Tx, "contact">;

/** The contact's profile; its attributes in the order they were added. */
export async function readProfile(reader: Reader, contactId: string): Promise<TContactProfile> {
  const row = await reader.contact.findUniqueOrThrow({
    where: { id: contactId },
    include: { attributes: { orderBy: [{ createdAt: "asc" }, { key: "asc" }], select: { key: true, value: true } } },
  });
  return ZContactProfile.parse({
    id: row.id,
    inboxId: row.inboxId,
    name: row.name,
    waId: row.waId,
    note: row.note,
    attributes: row.attributes,
    revision: row.revision,
  });
}
