"use client";
// What the connection indicator shows: the tab's WebSocket state, overridden by the browser's
// own offline signal (a socket can take seconds to notice that the network is gone).
import { useSyncExternalStore } from "react";
import { getWsClient } from "./ws-client";

export type ConnectionStatus = "live" | "reconnecting" | "offline";

function subscribeSocket(onChange: () => void): () => void {
  const subscription = getWsClient().connectionState.subscribe({ next: onChange });
  return () => subscription.unsubscribe();
}

function socketConnected(): boolean {
  return getWsClient().connectionState.get().state === "pending";
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useConnectionStatus(): ConnectionStatus {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const connected = useSyncExternalStore(subscribeSocket, socketConnected, () => false);
  if (!online) return "offline";
  return connected ? "live" : "reconnecting";
}
