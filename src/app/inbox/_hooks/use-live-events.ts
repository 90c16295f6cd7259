"use client";
// Keeps the cached inbox current: starts the event subscription from the cursor and applies each
// event to the cache. tRPC's wsLink resends the last tracked id on reconnect, so missed events are
// replayed; applying them is idempotent (../_lib/apply-event.ts).
import { skipToken } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TAppEvent } from "@/shared/events";
import { expandEvent } from "@/shared/event-wire";
import { loadLoginPage } from "@/trpc/navigation";
import { api } from "@/trpc/react";
import { matchesFilter, type TConversationFilter } from "@/shared/conversation-filter";
import type { TConversationSummary } from "@/shared/dto";
import {
  applyMessageToList,
  applyReadToList,
  applyStatus,
  applySummary,
  hasMessage,
  insertMessage,
  replaceMessage,
} from "../_lib/apply-event";
import { applyReactions } from "../_lib/apply-reactions";
import { insertActivity } from "../_lib/activity-lines";
import { activityOf } from "@/shared/activity";
import { messagesInput, useEventsCursor } from "./queries";
import { useContactUpdater } from "./use-contact-updater";
import { useConversationUpdater } from "./use-conversation-updater";
import { useListCache } from "./use-list-cache";
import { useRefetchInFlight } from "./use-refetch-in-flight";
import { useNewMessageNotifications } from "./use-new-message-notifications";

const RESTART_DELAY_MS = 2_000;

function isReaderLooking(openConversationId: string | null, conversationId: string): boolean {
  return openConversationId === conversationId && document.visibilityState === "visible";
}

/** Counts and search results change with most events; a burst of events costs one refetch. */
const DERIVED_REFRESH_MS = 300;

export function useLiveEvents(openConversationId: string | null, userId: string) {
  const utils = api.useUtils();
  const lists = useListCache();
  const updateConversation = useConversationUpdater(userId);
  const updateContact = useContactUpdater();
  const notify = useNewMessageNotifications(userId);
  const refetchInFlight = useRefetchInFlight();
  const cursor = useEventsCursor();
  const openRef = useRef(openConversationId);
  useEffect(() => {
    openRef.current = openConversationId;
  }, [openConversationId]);

  // What the server derives from many conversations (the filters' counts, an open search's results)
  // is asked for again rather than patched here; only queries on screen refetch.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  const refreshDerived = useCallback(() => {
    if (refreshTimer.current !== undefined) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = undefined;
      void utils.conversation.counts.invalidate();
      void utils.search.conversations.invalidate();
    }, DERIVED_REFRESH_MS);
  }, [utils]);

  const apply = useCallback(
    (event: TAppEvent, id: string) => {
      const belongsTo = (filter: TConversationFilter) => (item: TConversationSummary) => matchesFilter(filter, item, userId);
      if (event.type === "message.created") {
        const { conversation, message } = event;
        const input = messagesInput(conversation.id);
        const cached = utils.conversation.messages.getInfiniteData(input);
        const countAsUnread =
          message.direction === "inbound" &&
          !(cached && hasMessage(cached, message.id)) &&
          !isReaderLooking(openRef.current, conversation.id);
        lists.update((list, filter) => applyMessageToList(list, conversation, message, countAsUnread, belongsTo(filter)));
        utils.conversation.get.setData({ id: conversation.id }, (current) =>
          current ? applySummary(current, conversation) : current,
        );
        // The open conversation marks itself read when its newest message changes (use-mark-read).
        utils.conversation.messages.setInfiniteData(input, (data) => (data ? insertMessage(data, message) : data));
        refreshDerived();
      } else if (event.type === "message.status") {
        utils.conversation.messages.setInfiniteData(messagesInput(event.conversationId), (data) =>
          data ? applyStatus(data, event.messageId, event.status, event.reason) : data,
        );
      } else if (event.type === "message.updated") {
        utils.conversation.messages.setInfiniteData(messagesInput(event.conversationId), (data) =>
          data ? replaceMessage(data, event.message) : data,
        );
      } else if (event.type === "message.reactions") {
        utils.conversation.messages.setInfiniteData(messagesInput(event.conversationId), (data) =>
          data ? applyReactions(data, event.messageId, event.reactions) : data,
        );
      } else if (event.type === "conversation.read") {
        lists.update((list) => applyReadToList(list, event.conversationId, event.lastReadKey));
        refreshDerived();
      } else if (event.type === "templates.changed") {
        // An open "Send a template" dialog shows the inbox's list as WhatsApp now has it.
        void utils.template.list.invalidate();
      } else if (event.type === "canned_responses.changed") {
        // The composer's "/" list shows what was saved a moment ago in any dashboard.
        void utils.cannedResponse.invalidate();
      } else if (event.type === "labels.changed") {
        // Chips, the Labels menu and the filter show the labels as an admin just left them.
        void utils.label.list.invalidate();
      } else if (event.type === "contact.updated") {
        // The panel, the lists' and the header's names; a search may now find it by what changed.
        updateContact(event.contact);
        refreshDerived();
      } else if (event.type === "conversation.updated") {
        updateConversation(event.conversation);
        // The change as a line in the log, read the same as the stored one after a reload.
        const activity = activityOf(id, event);
        if (activity) {
          utils.conversation.messages.setInfiniteData(messagesInput(activity.conversationId), (data) =>
            data ? insertActivity(data, activity) : data,
          );
        }
        refreshDerived();
      } else {
        // What this user may see changed, or the stream was reset (the client's cursor came from
        // another database): every list, count and conversation is asked for again.
        void utils.conversation.invalidate();
        void utils.cannedResponse.invalidate();
        void utils.contact.invalidate();
        void utils.label.list.invalidate();
      }
    },
    [utils, lists, userId, refreshDerived, updateConversation, updateContact],
  );

  // The input changes only to resume after a server-side error, from the last event applied.
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const lastAppliedRef = useRef<string | null>(null);
  const startFrom = resumeFrom ?? cursor.data?.lastEventId;

  const subscription = api.events.subscribe.useSubscription(
    startFrom === undefined ? skipToken : { lastEventId: startFrom },
    {
      onData: ({ id, data }) => {
        lastAppliedRef.current = id;
        const event = expandEvent(data); // what the server left out, it can be rebuilt from the rest
        notify(id, event); // before apply: it asks whether the tab already had the message
        apply(event, id);
        refetchInFlight();
      },
      onError: (error) => {
        if (error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED") {
          loadLoginPage();
        }
      },
    },
  );

  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(() => {
      const last = lastAppliedRef.current;
      if (last && last !== startFrom) setResumeFrom(last);
      else reset();
    }, RESTART_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status, reset, startFrom]);
}
