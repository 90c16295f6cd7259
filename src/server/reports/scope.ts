// Whose figures a report may show: admins anyone's, in any inbox; an agent only their own, in the
// inboxes they belong to (the visibility rule of ../services/access.ts).
import type { TReportQuery } from "@/shared/reports";
import type { SqlValue } from "../db/sql";
import type { SessionUser } from "../auth/session-user";
import { canSeeInbox, type Access } from "../services/access";
import { ForbiddenError, NotFoundError } from "../services/errors";
import { said } from "@/shared/server-text";

export interface ReportScope {
  inboxIds: string[] | "all";
  agentId: string | null;
}

export function reportScope(user: SessionUser, access: Access, query: Pick<TReportQuery, "inboxId" | "agentId">): ReportScope {
  if (query.inboxId !== undefined && !canSeeInbox(access, query.inboxId)) throw new NotFoundError(said("inboxNotFound"));
  if (user.role !== "admin" && query.agentId !== undefined && query.agentId !== user.id) {
    throw new ForbiddenError(said("reportOwnOnly"));
  }
  const agentId = user.role === "admin" ? (query.agentId ?? null) : user.id;
  if (query.inboxId !== undefined) return { inboxIds: [query.inboxId], agentId };
  return { inboxIds: access.inboxIds === "all" ? "all" : [...access.inboxIds], agentId };
}

/** The scope as a WHERE fragment (starting with AND) over a table's inbox and person columns. */
export function scopeFilter(scope: ReportScope, columns: { inbox: string; person: string }): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (scope.inboxIds !== "all") {
    parts.push(scope.inboxIds.length === 0 ? "1 = 0" : `${columns.inbox} IN (${scope.inboxIds.map(() => "?").join(", ")})`);
    params.push(...scope.inboxIds);
  }
  if (scope.agentId !== null) {
    parts.push(`${columns.person} = ?`);
    params.push(scope.agentId);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(""), params };
}
