"use client";
// The signed-in frame: header, the conversation list on the left, the open conversation (the
// route's page) on the right. Owns the tab's live event stream and the sending of queued replies
// for as long as the inbox is open.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { TConversationFilter } from "@/shared/conversation-filter";
import { useConnectionStatus } from "@/trpc/connection-state";
import { useConversationCounts, useConversationList } from "../_hooks/queries";
import { useLiveEvents } from "../_hooks/use-live-events";
import { useOutboxSender } from "../_hooks/use-outbox-sender";
import { usePresence } from "../_hooks/use-presence";
import { useRouteConversationId } from "../_hooks/use-route-conversation-id";
import { useUnreadTitle } from "../_hooks/use-unread-title";
import { AppHeader } from "./header/app-header";
import { ConversationFilters } from "./list/conversation-filters";
import { ConversationList } from "./list/conversation-list";
import { ConversationSearch } from "./list/conversation-search";
import { CurrentUserProvider, type CurrentUser } from "./header/current-user";

/** What a support desk looks at first: everything still open. */
const DEFAULT_FILTER: TConversationFilter = { view: "all", status: "open" };

export function InboxShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const t = useTranslations("List");
  const openId = useRouteConversationId();
  useLiveEvents(openId, user.id);
  usePresence();
  useOutboxSender(user.key);
  const connection = useConnectionStatus();
  const [filter, setFilter] = useState(DEFAULT_FILTER);
  const list = useConversationList(filter);
  const counts = useConversationCounts();
  useUnreadTitle(counts.data?.unread);

  return (
    <CurrentUserProvider user={user}>
      <div className="flex h-dvh flex-col">
        <AppHeader userName={user.name} connection={connection} />
        <div className="flex min-h-0 flex-1">
          <aside
            className={`w-full shrink-0 flex-col border-slate-200 md:border-r bg-white md:flex md:w-80 ${openId ? "hidden" : "flex"}`}
          >
            <h1 className="px-4 pt-4 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("inbox")}</h1>
            <ConversationSearch activeId={openId}>
              <ConversationFilters filter={filter} counts={counts.data?.counts} labelCounts={counts.data?.labels} onChange={setFilter} />
              <ConversationList
                items={list.items}
                filter={filter}
                activeId={openId}
                isError={list.isError}
                onRetry={list.retry}
                hasMore={list.hasMore}
                isLoadingMore={list.isLoadingMore}
                onLoadMore={list.loadMore}
              />
            </ConversationSearch>
          </aside>
          <main className={`min-w-0 flex-1 flex-col bg-slate-50 md:flex ${openId ? "flex" : "hidden"}`}>{children}</main>
        </div>
      </div>
    </CurrentUserProvider>
  );
}
