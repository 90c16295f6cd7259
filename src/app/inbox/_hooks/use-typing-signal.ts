"use client";
// Tells the others looking at the open conversation that this person is typing in its composer
// (throttled, see ../_lib/typing-throttle.ts), and that they stopped: when the box is emptied,
// when they leave the conversation, or when the page goes. Typing is best-effort: a lost signal
// expires on the viewers' side, so failures are not retried.
import { useCallback, useEffect, useRef } from "react";
import { api } from "@/trpc/react";
import { IDLE, onTextChange } from "../_lib/typing-throttle";
import { useRouteConversationId } from "./use-route-conversation-id";

export function useTypingSignal(text: string) {
  // The composer itself does not know its conversation: the route does.
  const conversationId = useRouteConversationId();
  const utils = api.useUtils();
  const throttle = useRef(IDLE);
  // One signal at a time, in order: a "stopped" must never overtake the "typing" before it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const send = useCallback(
    (id: string, typing: boolean) => {
      queue.current = queue.current
        .then(() => utils.client.presence.typing.mutate({ conversationId: id, typing }))
        .catch(() => undefined);
    },
    [utils],
  );

  useEffect(() => {
    if (!conversationId) return;
    const next = onTextChange(throttle.current, text.length > 0, Date.now());
    throttle.current = next.state;
    if (next.send !== null) send(conversationId, next.send);
  }, [text, conversationId, send]);

  useEffect(() => {
    if (!conversationId) return;
    const stop = () => {
      if (!throttle.current.active) return;
      throttle.current = IDLE;
      send(conversationId, false);
    };
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [conversationId, send]);
}
