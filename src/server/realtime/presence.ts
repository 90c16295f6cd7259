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
import { canSeeInbox, type Access } from "../services/access";
import type { TTeamMember } from "@/shared/presence";

type Listener = (online: TTeamMember[]) => void;

export type MemberInboxes = "all" | readonly string[];

export interface PresenceTracker {
  /** Everyone online now, sorted by name. */
  online(): TTeamMember[];
  /** Those online now who share an inbox with the viewer (admins share every inbox), sorted by name. */
  visibleTo(viewer: Access): TTeamMember[];
  /** Called with the new list whenever someone comes or goes (or is renamed). */
  onChange(listener: Listener): () => void;
  stop(): void;
}

const byName = (a: TTeamMember, b: TTeamMember) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

export function createPresenceTracker(signals: (abort: AbortSignal) => AsyncIterable<BusSignal>, timeoutMs: number): PresenceTracker {
  const members = new Map<string, { user: TTeamMember; inboxIds: MemberInboxes; expiry: NodeJS.Timeout }>();
  const listeners = new Set<Listener>();
  const controller = new AbortController();

  const online = () => [...members.values()].map((member) => member.user).sort(byName);
  const changed = () => {
    const list = online();
    for (const listener of listeners) listener(list);
  };

  const seen = (user: TTeamMember, inboxIds: MemberInboxes) => {
    const current = members.get(user.id);
    if (current) {
      current.expiry.refresh();
      const sameInboxes = JSON.stringify(current.inboxIds) === JSON.stringify(inboxIds);
      if (current.user.name === user.name && sameInboxes) return;
      current.user = user;
      current.inboxIds = inboxIds;
    } else {
      const expiry = setTimeout(() => {
        members.delete(user.id);
        changed();
      }, timeoutMs);
      // A pending expiry must not keep a stopping process alive.
      expiry.unref();
      members.set(user.id, { user, inboxIds, expiry });
    }
    changed();
  };

  // Subscribed synchronously, before the first heartbeat can be published.
  const heartbeats = signals(controller.signal);
  void (async () => {
    for await (const signal of heartbeats) {
      if (signal.type === "heartbeat") seen(signal.user, signal.inboxIds);
    }
  })().catch((error: unknown) => logger.error("presence tracker stopped", { error: String(error) }));

  const sharesAnInbox = (viewer: Access, inboxIds: MemberInboxes) =>
    viewer.inboxIds === "all" || inboxIds === "all" || inboxIds.some((inboxId) => canSeeInbox(viewer, inboxId));

  return {
    online,
    visibleTo: (viewer) =>
      [...members.values()]
        .filter((member) => member.user.id === viewer.userId || sharesAnInbox(viewer, member.inboxIds))
        .map((member) => member.user)
        .sort(byName),
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
export function announcePresence(user: TTeamMember, access: Access): { intervalMs: number } {
  // The tracker must be listening before the first heartbeat is published, or it is missed.
  presenceTracker();
  const inboxIds = access.inboxIds === "all" ? "all" : [...access.inboxIds];
  bus().publishSignal({ type: "heartbeat", user: { id: user.id, name: user.name }, inboxIds });
  return { intervalMs: env().PRESENCE_HEARTBEAT_MS };
}
