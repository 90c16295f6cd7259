"use client";
// The open conversation: wires the hooks (summary, history, read position, scrolling) to the
// presentational pieces.
import Link from "next/link";
import { isNotFound } from "@/trpc/query-client";
import { useConversation, useConversationMessages } from "../_hooks/queries";
import { useChatScroll } from "../_hooks/use-chat-scroll";
import { useMarkRead } from "../_hooks/use-mark-read";
import { ConversationHeader } from "./conversation-header";
import { MessageLog } from "./message-log";

export function ConversationView({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId);
  const history = useConversationMessages(conversationId);
  const newest = history.messages.at(-1);
  useMarkRead(conversationId, conversation.data ? newest?.sortKey : undefined);
  const scroll = useChatScroll({
    firstId: history.messages[0]?.id,
    lastId: newest?.id,
    hasOlder: history.hasOlder,
    isFetchingOlder: history.isFetchingOlder,
    loadOlder: history.loadOlder,
  });

  if (conversation.isError) {
    return isNotFound(conversation.error) ? <NotFound /> : <LoadError onRetry={() => void conversation.refetch()} />;
  }

  return (
    <section aria-label={conversation.data?.contact.name ?? "Conversation"} className="flex min-h-0 flex-1 flex-col">
      <ConversationHeader summary={conversation.data} />
      <MessageLog
        messages={history.messages}
        isLoading={history.isPending}
        isError={history.isError}
        hasOlder={history.hasOlder}
        isFetchingOlder={history.isFetchingOlder}
        hasUnseen={scroll.hasUnseen}
        onJumpToNewest={() => scroll.scrollToBottom(true)}
        logRef={scroll.logRef}
        topRef={scroll.topRef}
        onScroll={scroll.onScroll}
      />
      {/* The composer goes here (next milestone). */}
      <footer className="shrink-0 border-t border-slate-200 bg-white px-4 py-3">
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-2.5 text-sm text-slate-500">
          Replying from Switchboard is coming soon.
        </p>
      </footer>
    </section>
  );
}

function NotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h2 className="text-base font-semibold text-slate-800">Conversation not found</h2>
      <p className="max-w-xs text-sm text-slate-500">It may have been removed, or you may not have access to it.</p>
      <Link
        href="/inbox"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        Back to inbox
      </Link>
    </div>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h2 className="text-base font-semibold text-slate-800">Couldn’t load this conversation</h2>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        Try again
      </button>
    </div>
  );
}
