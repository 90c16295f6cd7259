"use client";
// Presence for the whole tab, started once by the inbox shell: a heartbeat while the inbox is open
// (at the pace the server asks for) and the presence subscription feeding the tab's store. The
// subscription is untracked: after a reconnect it simply starts again with a fresh snapshot.
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { api } from "@/trpc/react";
import { EMPTY_PRESENCE, presenceStore } from "../_lib/presence-store";
import { NO_TYPISTS, type Typist } from "../_lib/typing-state";

/** Until the server has answered a heartbeat (or when it could not be reached). */
const FALLBACK_HEARTBEAT_MS = 15_000;
const RESTART_DELAY_MS = 2_000;

function useHeartbeat() {
  const utils = api.useUtils();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const beat = async () => {
      clearTimeout(timer);
      const intervalMs = await utils.client.presence.heartbeat.mutate().then(
        (answer) => answer.intervalMs,
        // Offline or the server restarting: try again at the usual pace.
        () => FALLBACK_HEARTBEAT_MS,
      );
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void beat(), intervalMs);
    };
    // A browser slows the timers of a hidden tab; coming back says "here" at once.
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") void beat();
    };
    void beat();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [utils]);
}

export function usePresence() {
  useHeartbeat();
  const { status, reset } = api.presence.subscribe.useSubscription(undefined, {
    onData: (update) => presenceStore.receive(update),
  });
  // A server-side error ends a subscription for good; start it again after a pause.
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, RESTART_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);
  useEffect(() => () => presenceStore.reset(), []);
}

/** Everyone online now (the signed-in user included), sorted by name. */
export function useOnlineTeam() {
  return useSyncExternalStore(presenceStore.subscribe, () => presenceStore.get().online, () => EMPTY_PRESENCE.online);
}

/** Who else is typing in this conversation, in the order they started. */
export function useTypists(conversationId: string): readonly Typist[] {
  const select = useCallback(() => presenceStore.get().typing[conversationId] ?? NO_TYPISTS, [conversationId]);
  return useSyncExternalStore(presenceStore.subscribe, select, () => NO_TYPISTS);
}
