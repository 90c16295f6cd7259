"use client";
// The composer's "/" list of canned responses: open while the box holds a slash and a word at its
// very start, filtered by that word; ArrowUp/ArrowDown move, Enter inserts the chosen one with its
// placeholders filled for this conversation, Escape closes it and leaves the text alone. The
// responses are read on the first "/" of a conversation, and again when the live stream says they
// changed (use-live-events.ts).
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { fillPlaceholders, filterCannedResponses, slashQuery, type TCannedResponse } from "@/shared/canned-responses";
import { api } from "@/trpc/react";

export interface CannedOption {
  id: string;
  response: TCannedResponse;
  /** The text as it will be inserted here. */
  filled: string;
}

export interface CannedPicker {
  open: boolean;
  listboxId: string;
  options: CannedOption[];
  activeId: string | undefined;
  choose: (option: CannedOption) => void;
  /** Handles the keys the open list owns; true when it did (the box must not act on it too). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

export function useCannedPicker(conversationId: string | undefined, text: string, insert: (text: string) => void): CannedPicker {
  const listboxId = useId();
  const query = conversationId ? slashQuery(text) : null;
  const data = api.cannedResponse.forConversation.useQuery(
    { conversationId: conversationId ?? "" },
    { enabled: query !== null, staleTime: 60_000 },
  ).data;

  // Escape closes the list until the slash word is gone; the pattern of adjusting state while
  // rendering (react.dev, "storing information from previous renders") needs no effect.
  const [dismissed, setDismissed] = useState(false);
  if (dismissed && query === null) setDismissed(false);
  // The highlighted option goes back to the first whenever the query changes.
  const [active, setActive] = useState({ query, index: 0 });
  const index = active.query === query ? active.index : 0;

  const options = useMemo(() => {
    if (!data || query === null) return [];
    return filterCannedResponses(data.responses, query).map((response) => ({
      id: `${listboxId}-${response.id}`,
      response,
      filled: fillPlaceholders(response.body, data.values),
    }));
  }, [data, query, listboxId]);

  const open = query !== null && !dismissed && options.length > 0;
  const activeId = open ? options[Math.min(index, options.length - 1)]?.id : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const choose = (option: CannedOption) => insert(option.filled);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const move = (by: number) => setActive({ query, index: (Math.min(index, options.length - 1) + by + options.length) % options.length });
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Escape") setDismissed(true);
    else if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      const chosen = options.find((option) => option.id === activeId);
      if (chosen) choose(chosen);
    } else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  return { open, listboxId, options, activeId, choose, onKeyDown };
}
