"use client";
// Scrolling for a chat log: start at the bottom, stay pinned there as messages arrive unless the
// reader has scrolled up (then offer "New messages"), and load older pages at the top without the
// visible messages jumping (browser scroll anchoring is off on the log; we restore the offset).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

const BOTTOM_SLACK_PX = 48;

interface Options {
  firstId: string | undefined;
  lastId: string | undefined;
  /** The newest message's id: only a message, not a change's line, offers "New messages". */
  lastMessageId: string | undefined;
  hasOlder: boolean;
  isFetchingOlder: boolean;
  loadOlder: () => unknown;
}

export function useChatScroll({ firstId, lastId, lastMessageId, hasOlder, isFetchingOlder, loadOlder }: Options) {
  const logRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const pinnedRef = useRef(true);
  const beforeOlderRef = useRef<{ height: number; top: number } | null>(null);
  const lastIdRef = useRef<string | undefined>(undefined);
  const lastMessageIdRef = useRef<string | undefined>(undefined);
  const [hasUnseen, setHasUnseen] = useState(false);

  const scrollToBottom = useCallback((smooth = false) => {
    const log = logRef.current;
    if (!log) return;
    // Smooth only over a short distance; a long animation would feel like waiting.
    const distance = log.scrollHeight - log.scrollTop - log.clientHeight;
    const behavior = smooth && distance < 3 * log.clientHeight ? "smooth" : "instant";
    log.scrollTo({ top: log.scrollHeight, behavior });
    pinnedRef.current = true;
    setHasUnseen(false);
  }, []);

  const onScroll = useCallback(() => {
    const log = logRef.current;
    if (!log) return;
    pinnedRef.current = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK_PX;
    if (pinnedRef.current) setHasUnseen(false);
  }, []);

  // Older history was prepended: keep the same messages under the reader's eyes.
  useLayoutEffect(() => {
    const log = logRef.current;
    const before = beforeOlderRef.current;
    if (!log || !before) return;
    beforeOlderRef.current = null;
    log.scrollTop = before.top + (log.scrollHeight - before.height);
  }, [firstId]);

  // A newer line arrived (or the first page loaded): a pinned log follows it.
  useLayoutEffect(() => {
    const previous = lastIdRef.current;
    lastIdRef.current = lastId;
    if (!lastId || lastId === previous) return;
    if (pinnedRef.current || previous === undefined) scrollToBottom();
  }, [lastId, scrollToBottom]);

  // A newer message arrived while the reader is scrolled up: offer it (runs after the effect above).
  useLayoutEffect(() => {
    const previous = lastMessageIdRef.current;
    lastMessageIdRef.current = lastMessageId;
    if (!lastMessageId || lastMessageId === previous || previous === undefined) return;
    if (!pinnedRef.current) setHasUnseen(true);
  }, [lastMessageId]);

  // Keep the bottom in view when the log resizes (window resize, wrapping) while pinned.
  useEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const observer = new ResizeObserver(() => {
      if (pinnedRef.current) log.scrollTop = log.scrollHeight;
    });
    observer.observe(log);
    return () => observer.disconnect();
  }, []);

  // Reaching the top loads the previous page. Re-created after each page, so a sentinel that is
  // still visible (short history) keeps loading.
  useEffect(() => {
    const log = logRef.current;
    const top = topRef.current;
    if (!log || !top || !hasOlder || isFetchingOlder || !firstId) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry?.isIntersecting) return;
        observer.disconnect();
        beforeOlderRef.current = { height: log.scrollHeight, top: log.scrollTop };
        void loadOlder();
      },
      { root: log, rootMargin: "200px 0px 0px 0px" },
    );
    observer.observe(top);
    return () => observer.disconnect();
  }, [hasOlder, isFetchingOlder, firstId, loadOlder]);

  return { logRef, topRef, onScroll, hasUnseen, scrollToBottom };
}
