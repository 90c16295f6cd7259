import type { TCannedResponse } from "@/shared/canned-responses";

export const withInboxName = { inbox: { select: { name: true } } } as const;

interface Row {
  id: string;
  shortcut: string;
  body: string;
  inboxId: string | null;
  ownerId: string | null;
  updatedAt: Date;
  inbox: { name: string } | null;
}

export function toCannedResponse(row: Row): TCannedResponse {
  return {
    id: row.id,
    shortcut: row.shortcut,
    body: row.body,
    scope: row.ownerId !== null ? "personal" : row.inboxId !== null ? "inbox" : "everyone",
    inboxId: row.inboxId,
    inboxName: row.inbox?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
