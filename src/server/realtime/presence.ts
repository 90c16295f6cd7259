// Who is online: users whose dashboard sent a heartbeat within PRESENCE_TIMEOUT_MS. Kept in memory
// only (DESIGN.md: presence is never stored). The tracker learns of heartbeats from the bus's
// signal channel rather than from the heartbeat call itself, so with a bus shared by several
// servers every server knows everyone, whichever server their dashboard talks to.
//
// One tracker per process, on globalThis: heartbeats arrive through Next's route handler and
// subscriptions through ws-server.ts, two module graphs that must see the same list.
import { bus, type BusSignal } from "../bus";
import { env } from "../env";
import { logger } from "../logger";
import type { TTeamMember } from "@/shared/presence";

type Listener = (online: TTeamMember[]) => void;

export interface PresenceTracker {
  /** Everyone online now, sorted by name. */
  online(): TTeamMember[];
  /** Called with the new list whenever someone comes or goes (or is renamed). */
  onChange(listener: Listener): () => void;
  stop(): void;
}

const byName = (a: TTeamMember, b: TTeamMember) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

export function createPresenceTracker(signals: (abort: AbortSignal) => AsyncIterable<BusSignal>, timeoutMs: number): PresenceTracker {
  const members = new Map<string, { user: TTeamMember; expiry: NodeJS.Timeout }>();
  const listeners = new Set<Listener>();
  const controller = new AbortController();

  const online = () => [...members.values()].map((member) => member.user).sort(byName);
  const changed = () => {
    const list = online();
    for (const listener of listeners) listener(list);
  };

  const seen = (user: TTeamMember) => {
    const current = members.get(user.id);
    if (current) {
      current.expiry.refresh();
      if (current.user.name === user.name) return;
      current.user = user;
    } else {
      const expiry = setTimeout(() => {
        members.delete(user.id);
        changed();
      }, timeoutMs);
      // A pending expiry must not keep a stopping process alive.
      expiry.unref();
      members.set(user.id, { user, expiry });
    }
    changed();
  };

  // Subscribed synchronously, before the first heartbeat can be published.
  const heartbeats = signals(controller.signal);
  void (async () => {
    for await (const signal of heartbeats) {
      if (signal.type === "heartbeat") seen(signal.user);
    }
  })().catch((error: unknown) => logger.error("presence tracker stopped", { error: String(error) }));

  return {
    online,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      controller.abort();
      for (const member of members.values()) clearTimeout(member.expiry);
      members.clear();
      listeners.clear();
    },
  };
}

const globalForPresence = globalThis as typeof globalThis & { __switchboardPresence?: PresenceTracker };

export function presenceTracker(): PresenceTracker {
  globalForPresence.__switchboardPresence ??= createPresenceTracker(
    (abort) => bus().subscribeSignals(abort),
    env().PRESENCE_TIMEOUT_MS,
  );
  return globalForPresence.__switchboardPresence;
}

/** Records that this user's dashboard is open; returns when the next heartbeat is due. */
export function announcePresence(user: TTeamMember): { intervalMs: number } {
  // The tracker must be listening before the first heartbeat is published, or it is missed.
  presenceTracker();
  bus().publishSignal({ type: "heartbeat", user: { id: user.id, name: user.name } });
  return { intervalMs: env().PRESENCE_HEARTBEAT_MS };
}
