// The tab's view of who is online and who is typing, fed by the presence subscription (one per
// tab, in the inbox shell) and read by the header and the open conversation. An external store
// rather than context so the shell only has to start it: readers subscribe where they are.
import type { TPresenceUpdate, TTeamMember } from "@/shared/presence";
import { applyTyping, nextExpiry, pruneTyping, type TypingByConversation } from "./typing-state";

export interface PresenceState {
  online: readonly TTeamMember[];
  typing: TypingByConversation;
}

export const EMPTY_PRESENCE: PresenceState = { online: [], typing: {} };

export function createPresenceStore(now: () => number = Date.now) {
  let state = EMPTY_PRESENCE;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const set = (next: PresenceState) => {
    if (next === state) return;
    state = next;
    scheduleExpiry();
    for (const listener of listeners) listener();
  };

  // One timer, for the typist who goes quiet first.
  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const at = nextExpiry(state.typing);
    if (at === null) return;
    expiryTimer = setTimeout(() => {
      const typing = pruneTyping(state.typing, now());
      set(typing === state.typing ? state : { ...state, typing });
    }, Math.max(0, at - now()));
  }

  return {
    receive(update: TPresenceUpdate) {
      if (update.type === "online") {
        set({ ...state, online: update.users });
        return;
      }
      const typing = applyTyping(state.typing, update, now());
      if (typing !== state.typing) set({ ...state, typing });
    },
    /** Forgets everything (the inbox closed). */
    reset() {
      set(EMPTY_PRESENCE);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
  };
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

/** The tab's one store. */
export const presenceStore = createPresenceStore();
