// The contact panel's shapes and limits: shared by the contact procedures, the event log and the
// dashboard, so a form refuses what the server would refuse, with the same words.
import { z } from "zod";
import { encodeText, said, schemaSays as says } from "./server-text";
import { CONVERSATION_STATUSES } from "./dto";

export const MAX_CONTACT_NAME_LENGTH = 100;
export const MAX_CONTACT_NOTE_LENGTH = 2000;
export const MAX_CONTACT_ATTRIBUTES = 20;
export const MAX_ATTRIBUTE_KEY_LENGTH = 40;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 200;

export const ZContactAttribute = z.object({ key: z.string(), value: z.string() });
export type TContactAttribute = z.infer<typeof ZContactAttribute>;

/** What the team keeps about a customer, the same for everyone who may see it (events carry it). */
export const ZContactProfile = z.object({
  id: z.string(),
  inboxId: z.string(),
  name: z.string(),
  waId: z.string(),
  note: z.string(),
  /** In the order they were added. */
  attributes: z.array(ZContactAttribute),
  /** Grows with every change by the team: of two copies, the larger one is newer. */
  revision: z.number().int().nonnegative(),
});
export type TContactProfile = z.infer<typeof ZContactProfile>;

/** The same customer (WhatsApp number) in another inbox the reader may see. */
export interface TOtherConversation {
  id: string;
  inboxName: string;
  contactName: string;
  status: (typeof CONVERSATION_STATUSES)[number];
  lastMessageAt: string;
}

/** The panel beside one conversation, as one reader sees it. */
export interface TContactPanel {
  contact: TContactProfile;
  /** When the customer's first message arrived; null if they have not written yet. */
  firstWroteAt: string | null;
  otherConversations: TOtherConversation[];
}

const ZId = z.string().min(1).max(100);

export const ZContactName = z
  .string({ error: says("name", "required") })
  .trim()
  .min(1, says("name", "writeCustomerName"))
  .max(MAX_CONTACT_NAME_LENGTH, says("name", "atMostCharacters", { max: MAX_CONTACT_NAME_LENGTH }));

export const ZContactNote = z
  .string()
  .trim()
  .max(MAX_CONTACT_NOTE_LENGTH, says("contactNote", "atMostCharacters", { max: MAX_CONTACT_NOTE_LENGTH }));

export const ZAttributeKey = z
  .string({ error: says("attribute", "required") })
  .trim()
  .min(1, says("attribute", "writeAttributeName"))
  .max(MAX_ATTRIBUTE_KEY_LENGTH, says("attribute", "atMostCharacters", { max: MAX_ATTRIBUTE_KEY_LENGTH }));

export const ZAttributeValue = z
  .string({ error: says("value", "required") })
  .trim()
  .min(1, says("value", "writeValue"))
  .max(MAX_ATTRIBUTE_VALUE_LENGTH, says("value", "atMostCharacters", { max: MAX_ATTRIBUTE_VALUE_LENGTH }));

export const ZContactPanelInput = z.object({ conversationId: ZId });

/** Name, note or both; what is left out stays as it is. */
export const ZUpdateContact = z
  .object({ contactId: ZId, name: ZContactName.optional(), note: ZContactNote.optional() })
  .refine((input) => input.name !== undefined || input.note !== undefined, encodeText(said("changeNameOrNote")));
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

/** Adds an attribute (`previousKey` null) or changes one, its key included. */
export const ZSaveAttribute = z.object({
  contactId: ZId,
  previousKey: z.string().max(MAX_ATTRIBUTE_KEY_LENGTH).nullable(),
  key: ZAttributeKey,
  value: ZAttributeValue,
});
export type TSaveAttribute = z.infer<typeof ZSaveAttribute>;

export const ZRemoveAttribute = z.object({ contactId: ZId, key: z.string().min(1).max(MAX_ATTRIBUTE_KEY_LENGTH) });
export type TRemoveAttribute = z.infer<typeof ZRemoveAttribute>;
