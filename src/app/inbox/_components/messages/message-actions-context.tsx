"use client";
// What a message in the log can ask of its conversation — reply to it, react to it, jump to the
// message a quote names — without threading callbacks through the log and every bubble.
import { createContext, useContext } from "react";
import type { TMessage } from "@/shared/dto";

export interface MessageActions {
  replyTo: (message: TMessage) => void;
  react: (message: TMessage, emoji: string) => void;
  jumpTo: (messageId: string) => void;
  /** The message just jumped to, drawn highlighted for a moment. */
  highlightedId: string | null;
}

export const MessageActionsContext = createContext<MessageActions | null>(null);

/** Null outside a conversation (e.g. a preview): the bubble then offers no actions. */
export const useMessageActions = () => useContext(MessageActionsContext);
