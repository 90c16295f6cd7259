import type { TConversationFilter } from "@/shared/conversation-filter";
import type { TConversationListItem } from "@/shared/dto";
import { ConversationListItem } from "./conversation-list-item";
import { SidebarError } from "./sidebar-error";

interface Props {
  items: TConversationListItem[] | undefined;
  /** Which list this is, to say why it is empty. */
  filter: TConversationFilter;
  activeId: string | null;
  isError: boolean;
  onRetry: () => void;
}

function emptyText(filter: TConversationFilter): { title: string; hint: string } {
  const all = filter.view === "all" && filter.status === "all";
  if (all) return { title: "No conversations yet", hint: "New WhatsApp messages will show up here." };
  if (filter.view === "mine") return { title: "Nothing here for you", hint: "Conversations assigned to you show up here." };
  if (filter.view === "unassigned") return { title: "Everything is assigned", hint: "New conversations without an owner show up here." };
  return { title: `No ${filter.status} conversations`, hint: "Try another status." };
}

export function ConversationList({ items, filter, activeId, isError, onRetry }: Props) {
  const empty = emptyText(filter);
  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col overflow-y-auto">
      {isError ? (
        <SidebarError message="Couldn’t load conversations." onRetry={onRetry} />
      ) : !items ? (
        <ListSkeleton />
      ) : items.length === 0 ? (
        <div className="px-4 py-10 text-center text-sm text-slate-500">
          <p className="font-medium text-slate-700">{empty.title}</p>
          <p className="mt-1">{empty.hint}</p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <ConversationListItem key={item.id} item={item} active={item.id === activeId} />
          ))}
        </ul>
      )}
    </nav>
  );
}

function ListSkeleton() {
  return (
    <>
      <p className="sr-only">Loading conversations…</p>
      <ul aria-hidden="true" className="animate-pulse divide-y divide-slate-100">
        {Array.from({ length: 6 }, (_, index) => (
          <li key={index} className="flex gap-3 px-4 py-3">
            <span className="size-9 shrink-0 rounded-full bg-slate-200" />
            <span className="flex flex-1 flex-col gap-2 py-0.5">
              <span className="h-3 w-2/5 rounded bg-slate-200" />
              <span className="h-3 w-4/5 rounded bg-slate-100" />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
