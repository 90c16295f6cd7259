// What the Reports page offers to filter by: the inboxes the caller may see, and for an admin the
// people (everyone who may hold conversations, also those since deactivated: their past counts).
import type { SessionUser } from "../auth/session-user";
import { db } from "../db/client";
import type { Access } from "../services/access";

export interface ReportOptions {
  inboxes: { id: string; name: string }[];
  people: { id: string; name: string }[];
}

export async function reportOptions(user: SessionUser, access: Access): Promise<ReportOptions> {
  const [inboxes, people] = await Promise.all([
    db().read.inbox.findMany({ where: access.inboxIds === "all" ? {} : { id: { in: [...access.inboxIds] } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    user.role === "admin" ? db().read.user.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }) : [],
  ]);
  return { inboxes, people };
}
