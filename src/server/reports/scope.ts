// Whose figures a report may show: admins anyone's, in any inbox; an agent only their own, in the
// inboxes they belong to (the visibility rule of ../services/access.ts).
import type { TReportQuery } from "@/shared/reports";
import type { SessionUser } from "../auth/session-user";
import { canSeeInbox, type Access } from "../services/access";
import { ForbiddenError, NotFoundError } from "../services/errors";

export interface ReportScope {
  inboxIds: string[] | "all";
  agentId: string | null;
}

export function reportScope(user: SessionUser, access: Access, query: Pick<TReportQuery, "inboxId" | "agentId">): ReportScope {
  if (query.inboxId !== undefined && !canSeeInbox(access, query.inboxId)) throw new NotFoundError("Inbox not found");
  if (user.role !== "admin" && query.agentId !== undefined && query.agentId !== user.id) {
    throw new ForbiddenError("Agents see their own reports; admins see everyone's");
  }
  const agentId = user.role === "admin" ? (query.agentId ?? null) : user.id;
  if (query.inboxId !== undefined) return { inboxIds: [query.inboxId], agentId };
  return { inboxIds: access.inboxIds === "all" ? "all" : [...access.inboxIds], agentId };
}
