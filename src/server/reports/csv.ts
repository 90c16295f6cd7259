// GET /api/reports/conversations.csv: the report's conversations, one row per span opened in the
// range (contact, inbox, assignee, opened, first reply, resolved), streamed a page at a time so a
// year of them never sits in memory. Same scope rule as the page (./scope.ts).
import { stringify } from "csv-stringify/sync";
import { ZReportQuery, type TReportQuery } from "@/shared/reports";
import type { SessionUser } from "../auth/session-user";
import { problem, routeUser } from "../http/route-user";
import { toDate, toDateOrNull, type SqlValue } from "../db/sql";
import { readSql } from "../db/prisma-sql";
import { loadAccess } from "../services/access";
import { ForbiddenError, NotFoundError } from "../services/errors";
import { localDateTime, rangeOf } from "./range";
import { reportScope, scopeFilter } from "./scope";
import { firstProblem, said } from "@/shared/server-text";
import { localeOf, translatorFor } from "../i18n/locale";

const PAGE_SIZE = 2_000;

// The header row in the downloader's language (the cells are names, times and numbers).
const COLUMNS = ["contact", "phone", "inbox", "assignee", "opened", "firstReply", "resolved", "firstResponseSeconds", "resolutionSeconds"] as const;

interface ExportRow {
  id: string;
  openedAt: Date | string;
  firstReplyAt: Date | string | null;
  resolvedAt: Date | string | null;
  firstResponseSeconds: number | bigint | null;
  resolutionSeconds: number | bigint | null;
  contactName: string;
  waId: string;
  inboxName: string;
  assigneeName: string | null;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula: a
 * customer's name must stay text (OWASP's advice: a leading apostrophe).
 */
export const inertCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export async function serveReportCsv(request: Request): Promise<Response> {
  const user = await routeUser(request, said("signInToDownloadReports"));
  if (user instanceof Response) return user;
  const parsed = ZReportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, firstProblem(parsed.error.issues));
  try {
    const t = translatorFor(await localeOf(user, request.headers.get("accept-language")), "Reports.csv");
    const body = await csvStream(user, parsed.data, COLUMNS.map((column) => t(column)));
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="conversations-${parsed.data.from}-to-${parsed.data.to}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404, error.text);
    if (error instanceof ForbiddenError) return problem(403, error.text);
    throw error;
  }
}

async function csvStream(user: SessionUser, query: TReportQuery, header: string[]): Promise<ReadableStream<Uint8Array>> {
  const scope = reportScope(user, await loadAccess(user), query);
  const range = rangeOf(query);
  const encoder = new TextEncoder();
  const filter = scopeFilter(scope, { inbox: `s."inboxId"`, person: `s."assigneeId"` });
  const params: SqlValue[] = [range.start, range.end, ...filter.params];
  let after: { openedAt: Date; id: string } | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    // One page per pull: the client's pace decides how fast the database is read.
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode("\uFEFF" + stringify([header])));
        return;
      }
      const keyset = after ? ` AND (s."openedAt" > ? OR (s."openedAt" = ? AND s."id" > ?))` : "";
      const rows = await readSql().all<ExportRow>(
        `SELECT s."id", s."openedAt", s."firstReplyAt", s."resolvedAt", s."firstResponseSeconds", s."resolutionSeconds",
                ct."name" AS "contactName", ct."waId", i."name" AS "inboxName", u."name" AS "assigneeName"
           FROM "ConversationSpan" s
           JOIN "Conversation" c ON c."id" = s."conversationId"
           JOIN "Contact" ct ON ct."id" = c."contactId"
           JOIN "Inbox" i ON i."id" = s."inboxId"
           LEFT JOIN "User" u ON u."id" = s."assigneeId"
          WHERE s."openedAt" >= ? AND s."openedAt" < ?${filter.sql}${keyset}
          ORDER BY s."openedAt", s."id" LIMIT ${PAGE_SIZE}`,
        ...params,
        ...(after ? [after.openedAt, after.openedAt, after.id] : []),
      );
      if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows.map((row) => csvRow(row, range.timeZone)))));
      if (rows.length < PAGE_SIZE) {
        controller.close();
        return;
      }
      const last = rows[rows.length - 1]!;
      after = { openedAt: toDate(last.openedAt), id: last.id };
    },
  });
}

function csvRow(row: ExportRow, timeZone: string): string[] {
  const when = (value: Date | string | null) => {
    const at = toDateOrNull(value);
    return at ? localDateTime(at, timeZone) : "";
  };
  const seconds = (value: number | bigint | null) => (value === null ? "" : String(Number(value)));
  return [
    inertCell(row.contactName),
    `+${row.waId}`,
    inertCell(row.inboxName),
    inertCell(row.assigneeName ?? ""),
    when(row.openedAt),
    when(row.firstReplyAt),
    when(row.resolvedAt),
    seconds(row.firstResponseSeconds),
    seconds(row.resolutionSeconds),
  ];
}
