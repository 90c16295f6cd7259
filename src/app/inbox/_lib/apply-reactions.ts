// A message's reactions from a message.reactions event (or a mutation's answer), into the cached
// history. The copy with the larger `rev` wins, so a replayed or late copy changes nothing.
import type { TReactions } from "@/shared/reactions";
import type { MessagePages } from "./apply-event";

export function applyReactions<P>(data: MessagePages<P>, messageId: string, reactions: TReactions): MessagePages<P> {
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.messages.findIndex((message) => message.id === messageId);
    const current = page.messages[index];
    if (!current || (current.reactions && current.reactions.rev >= reactions.rev)) return page;
    changed = true;
    const messages = [...page.messages];
    messages[index] = { ...current, reactions };
    return { ...page, messages };
  });
  return changed ? { ...data, pages } : data;
}
