// The message a reply quotes, looked up once where the reply is stored or listed, so the
// dashboard can show it above the reply without fetching (it may be far back in the history).
import type { Sql } from "../db/sql";
import type { QuotedRow } from "../services/dto";

const QUOTED_COLUMNS = `m."id", m."direction", m."type", m."body"`;

/** The quoted message by its wamid, in the same conversation (a customer quotes only their chat). */
export async function findQuotedByWamid(sql: Sql, conversationId: string, wamid: string): Promise<QuotedRow | null> {
  const rows = await sql.all<QuotedRow>(
    `SELECT ${QUOTED_COLUMNS} FROM "Message" m WHERE m."wamid" = ? AND m."conversationId" = ? LIMIT 1`,
    wamid,
    conversationId,
  );
  return rows[0] ?? null;
}

/** The quoted messages of one page of history, by id. */
export async function findQuotedByIds(sql: Sql, ids: readonly string[]): Promise<Map<string, QuotedRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.all<QuotedRow>(
    `SELECT ${QUOTED_COLUMNS} FROM "Message" m WHERE m."id" IN (${ids.map(() => "?").join(", ")})`,
    ...ids,
  );
  return new Map(rows.map((row) => [row.id, row]));
}
