"use client";
// The conversation list. Only the rows on screen (and a few either side) are in the page, however
// many conversations are loaded, so thousands scroll smoothly; nearing the end of what is loaded
// asks for the next page. Rows keep their links, so Tab walks the list (a focused row is scrolled
// into view, which renders the rows after it) and each row says its place in the list.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
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
  /** More conversations than are loaded: `onLoadMore` asks for the next page. */
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
}

/** A row's height before it is measured (avatar, two lines of text, padding). */
const ROW_ESTIMATE_PX = 69;
/** Rows rendered beyond each edge of the view: room for Tab and for fast scrolling. */
const OVERSCAN = 8;
/** The next page is asked for when the last rendered row is this close to the end of what is loaded. */
const LOAD_AHEAD = 20;

/** Which empty list this is, as the key of its title and hint in messages/*.json (List.empty…). */
function emptyKind(filter: TConversationFilter): "all" | "mine" | "unassigned" | "open" | "pending" | "resolved" {
  if (filter.view === "all" && filter.status === "all") return "all";
  if (filter.view === "mine" || filter.view === "unassigned") return filter.view;
  return filter.status === "all" ? "all" : filter.status;
}

export function ConversationList({ items, filter, activeId, isError, onRetry, ...paging }: Props) {
  // State, not a ref: the rows' first layout effect runs before the nav's ref is set, and a change
  // of state renders them again once the nav is there to be measured.
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const t = useTranslations("List");
  const empty = emptyKind(filter);
  return (
    <nav ref={setScrollElement} aria-label={t("conversations")} className="flex min-h-0 flex-1 flex-col overflow-y-auto">
      {isError ? (
        <SidebarError message={t("loadFailed")} onRetry={onRetry} />
      ) : !items ? (
        <ListSkeleton />
      ) : items.length === 0 ? (
        <div className="px-4 py-10 text-center text-sm text-slate-500">
          <p className="font-medium text-slate-700">{t(`empty.${empty}.title`)}</p>
          <p className="mt-1">{t(`empty.${empty}.hint`)}</p>
        </div>
      ) : (
        <VirtualRows items={items} activeId={activeId} scrollElement={scrollElement} {...paging} />
      )}
    </nav>
  );
}

interface RowsProps extends Pick<Props, "activeId" | "hasMore" | "isLoadingMore" | "onLoadMore"> {
  items: TConversationListItem[];
  scrollElement: HTMLElement | null;
}

function VirtualRows({ items, activeId, scrollElement, hasMore, isLoadingMore, onLoadMore }: RowsProps) {
  // The React Compiler (not turned on here) would skip this component: the virtualizer's functions
  // change meaning between renders. They are only called while rendering, which is safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const t = useTranslations("List");
  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !isLoadingMore && lastRendered >= items.length - LOAD_AHEAD) onLoadMore();
  }, [hasMore, isLoadingMore, lastRendered, items.length, onLoadMore]);

  return (
    <>
      <ul className="relative shrink-0" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <ConversationListItem
              key={row.key}
              item={item}
              active={item.id === activeId}
              index={row.index}
              // Unknown while more can be loaded (-1 is ARIA's "unknown").
              setSize={hasMore ? -1 : items.length}
              measureRef={virtualizer.measureElement}
              offsetPx={row.start}
            />
          );
        })}
      </ul>
      {isLoadingMore && (
        <p role="status" className="px-4 py-3 text-center text-xs text-slate-500">
          {t("loadingMore")}
        </p>
      )}
    </>
  );
}

function ListSkeleton() {
  const t = useTranslations("List");
  return (
    <>
      <p className="sr-only">{t("loading")}</p>
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
