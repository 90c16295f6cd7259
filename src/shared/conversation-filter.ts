// Which conversations a list shows: by assignee (mine / unassigned / all), by status and, if one is
// chosen, by label. One rule for the server's query and for the dashboard, which moves a
// conversation between its cached lists when a live event changes its assignee, status or labels.
import { z } from "zod";
import { CONVERSATION_STATUSES, type ConversationStatus, type TConversationSummary } from "./dto";

export const ASSIGNEE_VIEWS = ["mine", "unassigned", "all"] as const;
export type AssigneeView = (typeof ASSIGNEE_VIEWS)[number];

export const STATUS_FILTERS = [...CONVERSATION_STATUSES, "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const ZConversationFilter = z.object({
  view: z.enum(ASSIGNEE_VIEWS).default("all"),
  status: z.enum(STATUS_FILTERS).default("all"),
  /** Only conversations with this label; absent: any. */
  label: z.string().min(1).max(100).optional(),
});
export type TConversationFilter = z.infer<typeof ZConversationFilter>;

export function matchesView(view: AssigneeView, assigneeId: string | null, userId: string): boolean {
  if (view === "mine") return assigneeId === userId;
  if (view === "unassigned") return assigneeId === null;
  return true;
}

export function matchesFilter(
  filter: TConversationFilter,
  conversation: Pick<TConversationSummary, "assigneeId" | "status" | "labelIds">,
  userId: string,
): boolean {
  return (
    matchesView(filter.view, conversation.assigneeId, userId) &&
    (filter.status === "all" || filter.status === conversation.status) &&
    (filter.label === undefined || conversation.labelIds.includes(filter.label))
  );
}

/** How many conversations each list would show: per assignee view, per status. */
export type ConversationCounts = Record<AssigneeView, Record<ConversationStatus, number>>;

export function countFor(counts: ConversationCounts, view: AssigneeView, status: StatusFilter): number {
  const byStatus = counts[view];
  return status === "all" ? byStatus.open + byStatus.pending + byStatus.resolved : byStatus[status];
}

/** Per label id, the same counts for the conversations with that label (labels on none are absent). */
export type LabelCounts = Record<string, ConversationCounts>;

export const emptyCounts = (): ConversationCounts => ({
  mine: { open: 0, pending: 0, resolved: 0 },
  unassigned: { open: 0, pending: 0, resolved: 0 },
  all: { open: 0, pending: 0, resolved: 0 },
});

/** Adds `count` conversations of one status and assignee to every view they show in. */
export function addToCounts(counts: ConversationCounts, status: ConversationStatus, assigneeId: string | null, userId: string, count: number): void {
  for (const view of ASSIGNEE_VIEWS) {
    if (matchesView(view, assigneeId, userId)) counts[view][status] += count;
  }
}
