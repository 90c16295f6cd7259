// How a new or retried reply reaches the outbox worker at once instead of at its next poll. The
// worker registers itself on globalThis: message.send runs in Next's module graph, the worker in
// the one ws-server.ts imports (DESIGN.md, "The shape").
const globalForOutbox = globalThis as typeof globalThis & { __switchboardOutboxWake?: () => void };

export function wakeOutbox(): void {
  globalForOutbox.__switchboardOutboxWake?.();
}

export function onOutboxWake(listener: (() => void) | undefined): void {
  globalForOutbox.__switchboardOutboxWake = listener;
}
