// Every connection, HTTP or WebSocket, holds one of the process's file descriptors, and the
// process has a fixed number of them (its open-files limit). Past it, accepting fails, and so does
// everything else that opens a file: the database, its WAL, the store thread, a reply's request to
// WhatsApp. An idle or slow connection costs a client nothing to hold (Node waits 60 s for a
// request's headers), so the server stops accepting at a bound below that limit and keeps the
// rest for its own files. Connections past the bound are closed as they arrive (Node's
// `server.maxConnections`); those already open are served as before.
import { readFileSync } from "node:fs";

/** Descriptors kept for the server's own use: database files, the WAL, threads, logs, outgoing requests. */
export const OWN_DESCRIPTORS = 256;
/** The bound where the open-files limit cannot be read (not Linux). */
export const FALLBACK_MAX_CONNECTIONS = 4_096;
/** The bound where there is no open-files limit: memory runs out first (tens of KB per socket). */
export const UNLIMITED_MAX_CONNECTIONS = 65_536;
/** The smallest bound, configured or derived: a server needs a few connections to be of use. */
export const FEWEST_CONNECTIONS = 16;

/**
 * The soft open-files limit of this process from Linux's /proc/self/limits text; "unlimited" as
 * Infinity; null where there is no such text or it says nothing readable.
 */
export function openFilesLimit(limitsText: string | null = readProcLimits()): number | null {
  const line = limitsText?.split("\n").find((text) => text.startsWith("Max open files"));
  const soft = line?.slice("Max open files".length).trim().split(/\s+/)[0];
  if (soft === "unlimited") return Infinity;
  const value = Number(soft);
  return soft && Number.isInteger(value) && value > 0 ? value : null;
}

/** How many connections the server accepts at once: the configured bound, else one that leaves room. */
export function maxConnections(configured: number | undefined, openFiles = openFilesLimit()): number {
  if (configured !== undefined) return configured;
  if (openFiles === null) return FALLBACK_MAX_CONNECTIONS;
  if (openFiles === Infinity) return UNLIMITED_MAX_CONNECTIONS;
  return Math.max(FEWEST_CONNECTIONS, openFiles - OWN_DESCRIPTORS);
}

function readProcLimits(): string | null {
  try {
    return readFileSync("/proc/self/limits", "utf8");
  } catch {
    return null;
  }
}
