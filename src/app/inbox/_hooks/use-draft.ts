"use client";
// What is written in a conversation's box and not sent yet stays with that conversation: switching
// to another one, reloading or closing the tab does not lose it. Kept in localStorage per user and
// conversation; sending (or emptying the box) removes it. Without storage the box still works.
// The composer is mounted once per conversation (the view is keyed by it), so `key` is fixed for
// the life of one box.
import { useCallback, useState, useSyncExternalStore } from "react";

const PREFIX = "switchboard.draft.v1";

export function draftStorageKey(userKey: string, conversationId: string): string {
  return `${PREFIX}:${encodeURIComponent(userKey)}:${encodeURIComponent(conversationId)}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function save(key: string, text: string): void {
  try {
    if (text.trim() === "") storage()?.removeItem(key);
    else storage()?.setItem(key, text);
  } catch {
    // Full or blocked storage: the draft lives only as long as the box.
  }
}

export interface Draft {
  text: string;
  setText: (text: string) => void;
  /** The text as it was brought back from storage, until the person changes it; null otherwise. */
  restored: string | null;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

export function useDraft(key: string): Draft {
  // The stored draft; the server's render has none, and hydration starts from that.
  const stored = useSyncExternalStore(
    subscribe,
    () => storage()?.getItem(key) ?? "",
    () => "",
  );
  // What the person wrote here since; null until they change the box.
  const [edited, setEdited] = useState<string | null>(null);

  const setText = useCallback(
    (next: string) => {
      setEdited(next);
      save(key, next);
    },
    [key],
  );

  const text = edited ?? stored;
  return { text, setText, restored: edited === null && stored !== "" ? stored : null };
}
