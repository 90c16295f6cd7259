// What the server says when it closes connections past its bound (./connection-limit.ts): a count
// in /api/metrics for every one, and a log line at most once a minute, since a flood of them would
// otherwise be a flood of lines.
import { logger } from "../logger";
import { increment } from "../metrics";

const LOG_EVERY_MS = 60_000;
let droppedSinceLog = 0;
let lastLogAt = -Infinity;

export function noteDroppedConnection(): void {
  increment("switchboard_http_connections_dropped_total", "Connections closed on arrival because the server held its most");
  droppedSinceLog++;
  const now = Date.now();
  if (now - lastLogAt < LOG_EVERY_MS) return;
  logger.warn("connections refused: the server holds its most (HTTP_MAX_CONNECTIONS)", { refused: droppedSinceLog });
  droppedSinceLog = 0;
  lastLogAt = now;
}
