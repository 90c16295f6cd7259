// Which conversations a list shows: by assignee (mine / unassigned / all) and by status. One rule
// for the server's query and for the dashboard, which moves a conversation between its cached
// lists when a live event changes its assignee or status.
import { z } from "zod";
import { CONVERSATION_STATUSES, type ConversationStatus, type TConversationSummary } from "./dto";

export const ASSIGNEE_VIEWS = ["mine", "unassigned", "all"] as const;
export type AssigneeView = (typeof ASSIGNEE_VIEWS)[number];

export const STATUS_FILTERS = [...CONVERSATION_STATUSES, "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const ZConversationFilter = z.object({
  view: z.enum(ASSIGNEE_VIEWS).default("all"),
  status: z.enum(STATUS_FILTERS).default("all"),
});
export type TConversationFilter = z.infer<typeof ZConversationFilter>;

export function matchesView(view: AssigneeView, assigneeId: string | null, userId: string): boolean {
  if (view === "mine") return assigneeId === userId;
  if (view === "unassigned") return assigneeId === null;
  return true;
}

export function matchesFilter(
  filter: TConversationFilter,
  conversation: Pick<TConversationSummary, "assigneeId" | "status">,
  userId: string,
): boolean {
  return (
    matchesView(filter.view, conversation.assigneeId, userId) &&
    (filter.status === "all" || filter.status === conversation.status)
  );
}

/** How many conversations each list would show: per assignee view, per status. */
export type ConversationCounts = Record<AssigneeView, Record<ConversationStatus, number>>;

export function countFor(counts: ConversationCounts, view: AssigneeView, status: StatusFilter): number {
  const byStatus = counts[view];
  return status === "all" ? byStatus.open + byStatus.pending + byStatus.resolved : byStatus[status];
}
