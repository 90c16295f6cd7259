// Reading the event log back: where it ends now, and what came after a client's cursor.
import type { BusEvent } from "../bus";
import { db } from "../db/client";
import { postgresDirect } from "../db/postgres-direct";
import type { Sql } from "../db/sql";
import { readSql } from "../db/prisma-sql";
import { logger } from "../logger";
import { ZAppEvent } from "@/shared/events";

export const REPLAY_BATCH = 500;

// On PostgreSQL every process reads the log after every commit anywhere (committed-feed.ts): through
// the pool of the hot paths, not Prisma's client, whose query compiler was the largest cost of a
// web process under webhooks after the webhook's own writes had left it.
const logSql = (): Sql => (db().provider === "postgresql" ? postgresDirect().sql : readSql());

interface EventRow {
  id: number | bigint;
  type: string;
  inboxId: string | null;
  conversationId: string | null;
  userId: string | null;
  team: boolean | number | bigint;
  payload: string;
}

const READ_AFTER = `SELECT "id", "type", "inboxId", "conversationId", "userId", "team", "payload" FROM "Event" WHERE "id" > ? ORDER BY "id" LIMIT ${REPLAY_BATCH}`;

export async function latestEventId(): Promise<number> {
  const [last] = await logSql().all<{ id: number | bigint }>(`SELECT "id" FROM "Event" ORDER BY "id" DESC LIMIT 1`);
  return last ? Number(last.id) : 0;
}

export function parseCursor(lastEventId: string | null | undefined): number | null {
  if (lastEventId === null || lastEventId === undefined || !/^\d{1,15}$/.test(lastEventId)) return null;
  return Number(lastEventId);
}

type Scope = Pick<BusEvent, "inboxId" | "userId" | "team">;

/**
 * The stored events after `cursor` that `include` accepts, from one batch of REPLAY_BATCH rows in
 * log order; `lastId` is the last row read, `more` whether rows may follow. Rows are filtered before
 * they are parsed, a row `known` already has is not parsed again, and a row that fails its schema
 * is skipped.
 */
export async function readEventsAfter(
  cursor: number,
  include: (scope: Scope) => boolean,
  known: (id: number) => BusEvent | undefined = () => undefined,
): Promise<{ events: BusEvent[]; lastId: number; more: boolean }> {
  const rows = (await logSql().all<EventRow>(READ_AFTER, cursor)).map((row) => ({ ...row, id: Number(row.id), team: Number(row.team) === 1 }));
  const events: BusEvent[] = [];
  for (const row of rows) {
    if (!include(row)) continue;
    const seen = known(row.id);
    if (seen) {
      events.push(seen);
      continue;
    }
    const parsed = ZAppEvent.safeParse(JSON.parse(row.payload));
    if (!parsed.success) {
      logger.error("stored event does not match its schema; skipped", { id: row.id, type: row.type });
      continue;
    }
    events.push({ id: row.id, inboxId: row.inboxId, conversationId: row.conversationId, userId: row.userId, team: row.team, event: parsed.data });
  }
  return { events, lastId: rows.at(-1)?.id ?? cursor, more: rows.length === REPLAY_BATCH };
}
