// Changes the team makes to a contact in the panel: its name, its note, its custom attributes.
// Whoever may see one of the contact's conversations may change it (access.ts decides). Each change
// raises the contact's revision and is a contact.updated event, written in the same transaction.
import { db, type Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import {
  MAX_CONTACT_ATTRIBUTES,
  type TContactProfile,
  type TRemoveAttribute,
  type TSaveAttribute,
  type TUpdateContact,
} from "@/shared/contacts";
import { findVisibleContact, type Access } from "../access";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors";
import { readProfile } from "./profile";
import { said } from "@/shared/server-text";

export async function updateContact(access: Access, input: TUpdateContact): Promise<TContactProfile> {
  return changeContact(access, input.contactId, async (tx) => {
    await tx.contact.update({
      where: { id: input.contactId },
      data: {
        ...(input.name !== undefined && { name: input.name, nameEditedAt: new Date() }),
        ...(input.note !== undefined && { note: input.note }),
      },
    });
  });
}

/** Adds an attribute, or changes one (its key too, keeping its place in the list). */
export async function saveAttribute(access: Access, input: TSaveAttribute): Promise<TContactProfile> {
  return changeContact(access, input.contactId, async (tx) => {
    const attributes = await tx.contactAttribute.findMany({ where: { contactId: input.contactId }, select: { key: true } });
    const sameKey = (key: string) => key.toLocaleLowerCase() === input.key.toLocaleLowerCase();
    if (attributes.some(({ key }) => sameKey(key) && key !== input.previousKey)) {
      throw new ConflictError(said("attributeTaken", { key: input.key }));
    }
    if (input.previousKey === null) {
      if (attributes.length >= MAX_CONTACT_ATTRIBUTES) {
        throw new InvalidRequestError(said("tooManyAttributes", { max: MAX_CONTACT_ATTRIBUTES }));
      }
      await tx.contactAttribute.create({ data: { contactId: input.contactId, key: input.key, value: input.value } });
      return;
    }
    if (!attributes.some(({ key }) => key === input.previousKey)) {
      throw new NotFoundError(said("attributeRemoved", { key: input.previousKey }));
    }
    await tx.contactAttribute.update({
      where: { contactId_key: { contactId: input.contactId, key: input.previousKey } },
      data: { key: input.key, value: input.value },
    });
  });
}

/** Removing one that is already gone changes nothing and is no error (a second click, another tab). */
export async function removeAttribute(access: Access, input: TRemoveAttribute): Promise<TContactProfile> {
  return changeContact(access, input.contactId, async (tx) => {
    const removed = await tx.contactAttribute.deleteMany({ where: { contactId: input.contactId, key: input.key } });
    return removed.count > 0;
  });
}

/**
 * Checks access, then runs `change` in a transaction that first raises the contact's revision —
 * which also makes concurrent changes of one contact wait for each other (PostgreSQL's row lock),
 * so the checks inside `change` hold until it commits. `change` returning false means nothing
 * changed: the transaction is rolled back, revision and all, and the stored profile is returned.
 */
async function changeContact(
  access: Access,
  contactId: string,
  change: (tx: Tx) => Promise<boolean | void>,
): Promise<TContactProfile> {
  const contact = await findVisibleContact(access, contactId);
  if (!contact) throw new NotFoundError(said("contactNotFound"));
  const unchanged = Symbol("unchanged");
  try {
    return await writeWithEvents(async (tx, record) => {
      await tx.contact.update({ where: { id: contactId }, data: { revision: { increment: 1 } } });
      if ((await change(tx)) === false) throw unchanged;
      const profile = await readProfile(tx, contactId);
      // A contact has at most one conversation (one per inbox); the event is addressed to it.
      const conversation = await tx.conversation.findFirst({ where: { contactId }, select: { id: true } });
      await record({ inboxId: profile.inboxId, conversationId: conversation?.id ?? null }, { type: "contact.updated", contact: profile });
      return profile;
    });
  } catch (error) {
    if (error === unchanged) return readProfile(db().read, contactId);
    throw error;
  }
}
