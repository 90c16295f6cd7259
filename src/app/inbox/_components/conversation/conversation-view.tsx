"use client";
// The open conversation: wires the hooks (summary, history, queued replies, read position,
// scrolling) to the presentational pieces.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useId, useMemo } from "react";
import { isNotFound } from "@/trpc/query-client";
import { useConversation, useConversationMessages } from "../../_hooks/queries";
import { useAttachment } from "../../_hooks/use-attachment";
import { useChatScroll } from "../../_hooks/use-chat-scroll";
import { useConversationOutbox } from "../../_hooks/use-conversation-outbox";
import { draftStorageKey } from "../../_hooks/use-draft";
import { useMarkRead } from "../../_hooks/use-mark-read";
import { useMessageActions } from "../../_hooks/use-message-actions";
import { useNow } from "../../_hooks/use-now";
import { useRetryReply } from "../../_hooks/use-retry-reply";
import { customerWindow, isOutsideWindow, msUntilNextChange } from "../../_lib/customer-window";
import { buildLogEntries, itemKey, withActivity } from "../../_lib/log-entries";
import { useTeamNames } from "../../_hooks/use-team-names";
import type { WrittenKind } from "../../_lib/outbox-queue";
import { AttachmentPreview } from "../composer/attachment-preview";
import { Composer } from "../composer/composer";
import { ContactPanel } from "../contact/contact-panel";
import { ContactPanelButton, useContactPanelState } from "../contact/contact-panel-button";
import { ConversationHeader } from "./conversation-header";
import { useCurrentUser } from "../header/current-user";
import { CustomerWindowNotice } from "../composer/customer-window-notice";
import { MessageActionsContext } from "../messages/message-actions-context";
import { MessageLog } from "../messages/message-log";
import { ReplyingTo } from "../composer/replying-to";
import { TemplatesButton } from "../templates/templates-button";
import { TypingIndicator } from "../messages/typing-indicator";

export function ConversationView({ conversationId }: { conversationId: string }) {
  const t = useTranslations("Conversation");
  const user = useCurrentUser();
  const conversation = useConversation(conversationId);
  const history = useConversationMessages(conversationId);
  const outbox = useConversationOutbox(user.key, conversationId);
  const retry = useRetryReply();
  const files = useAttachment(conversationId);
  const lastInboundAt = conversation.data?.lastInboundAt ?? null;
  const now = useNow(useCallback((current: number) => msUntilNextChange(lastInboundAt, current), [lastInboundAt]));
  const warningId = useId();
  const contactPanel = useContactPanelState();

  const entries = useMemo(
    () => buildLogEntries(history.messages, outbox.queue, { waiting: outbox.waiting, authorName: user.name }),
    [history.messages, outbox.queue, outbox.waiting, user.name],
  );
  const items = useMemo(() => withActivity(entries, history.activity), [entries, history.activity]);
  const nameOf = useTeamNames(conversationId);
  // Read up to the newest message the server has; a reply still in this browser has no place yet.
  useMarkRead(conversationId, conversation.data ? history.messages.at(-1)?.sortKey : undefined);
  // By line, not by message: a change arriving at the bottom keeps a pinned log pinned.
  const scroll = useChatScroll({
    firstId: itemKey(items[0]),
    lastId: itemKey(items.at(-1)),
    lastMessageId: entries.at(-1)?.message.id,
    hasOlder: history.hasOlder,
    isFetchingOlder: history.isFetchingOlder,
    loadOlder: history.loadOlder,
  });

  const summary = conversation.data;
  const customer = summary && now !== null ? customerWindow(summary.lastInboundAt, now) : null;
  const outside = customer !== null && isOutsideWindow(customer);

  const replying = useMessageActions({
    logRef: scroll.logRef,
    loadOlder: history.loadOlder,
    hasOlder: history.hasOlder,
    firstId: entries[0]?.message.id,
  });
  const send = (body: string, kind: WrittenKind) => {
    const quoted = kind === "reply" ? replying.replyingTo : null;
    outbox.write(body, kind, quoted ? { id: quoted.id, direction: quoted.direction, type: quoted.type, body: quoted.body } : undefined);
    if (quoted) replying.cancelReply();
    // Whoever just sent wants to see it, even if they had scrolled up to read.
    scroll.scrollToBottom();
  };

  if (conversation.isError) {
    return isNotFound(conversation.error) ? <NotFound /> : <LoadError onRetry={() => void conversation.refetch()} />;
  }

  return (
    <div className="flex min-h-0 flex-1">
    <section
      aria-label={conversation.data?.contact.name ?? t("conversation")}
      // On a phone the open contact panel takes the conversation's place (./contact-panel.tsx).
      className={`min-h-0 min-w-0 flex-1 flex-col ${contactPanel.open ? "hidden lg:flex" : "flex"}`}
      // A file dropped anywhere on the conversation is attached, as with the Attach button.
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (!file) return;
        event.preventDefault();
        files.attach(file);
      }}
    >
      <ConversationHeader summary={conversation.data} contactButton={<ContactPanelButton state={contactPanel} />} />
      <MessageActionsContext value={replying.actions}>
      <MessageLog
        entries={items}
        nameOf={nameOf}
        retryStateOf={retry.stateOf}
        onRetry={retry.retry}
        onDiscard={outbox.discard}
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
      </MessageActionsContext>
      {replying.reactError && (
        <p role="alert" className="mx-4 mb-1 flex items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-1 text-xs text-red-800 ring-1 ring-red-200 sm:mx-8">
          {replying.reactError}
          <button type="button" onClick={replying.dismissReactError} className="font-medium underline">
            {t("dismiss")}
          </button>
        </p>
      )}
      <TypingIndicator conversationId={conversationId} />
      <Composer
        onSend={send}
        windowClosed={outside}
        notice={<CustomerWindowNotice status={customer} warningId={warningId} />}
        draftKey={draftStorageKey(user.key, conversationId)}
        conversationId={conversationId}
        replying={
          replying.replyingTo && (
            <ReplyingTo message={replying.replyingTo} customerName={summary?.contact.name} onCancel={replying.cancelReply} />
          )
        }
        templates={summary && <TemplatesButton conversationId={conversationId} contactName={summary.contact.name} emphasized={outside} describedBy={outside ? warningId : undefined} />}
        onAttach={files.attach}
        attachError={files.error}
        attachment={
          files.attachment && (
            <AttachmentPreview
              key={files.attachment.messageId}
              attachment={files.attachment}
              sending={files.sending}
              onSend={(caption) => {
                files.send(caption);
                scroll.scrollToBottom();
              }}
              onRemove={files.remove}
            />
          )
        }
      />
    </section>
    <ContactPanel conversationId={conversationId} state={contactPanel} />
    </div>
  );
}

function NotFound() {
  const t = useTranslations("Conversation");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h2 className="text-base font-semibold text-slate-800">{t("notFound")}</h2>
      <p className="max-w-xs text-sm text-slate-500">{t("notFoundHint")}</p>
      <Link
        href="/inbox"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("backToInbox")}
      </Link>
    </div>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("Conversation");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h2 className="text-base font-semibold text-slate-800">{t("loadFailed")}</h2>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("tryAgain")}
      </button>
    </div>
  );
}
