// How a contact's new profile (a live contact.updated event, or the answer to this tab's own change)
// changes cached data. Pure, and an unchanged input is returned as the same object, so applying one
// twice (a replay after reconnect) changes nothing.
import type { TContactPanel, TContactProfile } from "@/shared/contacts";
import type { TConversationListItem, TConversationSummary } from "@/shared/dto";

/** The summary with the contact's new name, when it is that contact's conversation. */
export function renameInSummary<S extends TConversationSummary>(summary: S, contact: TContactProfile): S {
  if (summary.contact.id !== contact.id || summary.contact.name === contact.name) return summary;
  return { ...summary, contact: { ...summary.contact, name: contact.name } };
}

/** One cached list with the contact's new name; the order does not change with a name. */
export function renameInList(list: TConversationListItem[], contact: TContactProfile): TConversationListItem[] {
  if (!list.some((item) => item.contact.id === contact.id && item.contact.name !== contact.name)) return list;
  return list.map((item) => renameInSummary(item, contact));
}

/** The panel's contact, replaced when the incoming copy is newer (a higher revision). */
export function applyContactToPanel(panel: TContactPanel, contact: TContactProfile): TContactPanel {
  if (panel.contact.id !== contact.id || contact.revision <= panel.contact.revision) return panel;
  return { ...panel, contact };
}
