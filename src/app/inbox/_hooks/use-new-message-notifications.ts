"use client";
// Browser notifications (once the person allowed them) and the optional chime for a new customer
// message while the tab is hidden. Returns the function the live stream calls with each event,
// before the event is applied to the cache: "already in the cache" means the tab had it before.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import type { TAppEvent } from "@/shared/events";
import { api } from "@/trpc/react";
import { hasMessage } from "../_lib/apply-event";
import { newMessageNotification, type MessageNotification } from "../_lib/new-message-notification";
import { isSoundOn, playChime, unlockAudio } from "../_lib/notification-sound";
import { previewText } from "../_lib/preview-text";
import { messagesInput } from "./queries";

/** Enough to never notify a message twice in a working day; the oldest are forgotten first. */
const REMEMBERED = 1_000;

function canNotify(): boolean {
  return typeof Notification !== "undefined" && Notification.permission === "granted";
}

/** With the sound on, the first click or key press after a page load lets the chime play later. */
function useAudioUnlock() {
  useEffect(() => {
    const unlock = () => {
      if (isSoundOn()) unlockAudio();
    };
    window.addEventListener("pointerdown", unlock);
    window.addEventListener("keydown", unlock);
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, []);
}

export function useNewMessageNotifications(userId: string) {
  const t = useTranslations("Notifications");
  const tPreview = useTranslations("Preview");
  const utils = api.useUtils();
  const router = useRouter();
  const notified = useRef(new Set<string>());
  useAudioUnlock();

  const show = useCallback(
    (notification: MessageNotification) => {
      try {
        const shown = new Notification(notification.title, { body: notification.body, tag: notification.tag });
        shown.onclick = () => {
          window.focus();
          router.push(`/inbox/${encodeURIComponent(notification.conversationId)}`);
          shown.close();
        };
      } catch {
        // Some browsers (Chrome on Android) only notify from a service worker: the chime still plays.
      }
    },
    [router],
  );

  return useCallback(
    (eventId: string, event: TAppEvent) => {
      if (event.type !== "message.created") return;
      const { conversation, message } = event;
      const cached = utils.conversation.messages.getInfiniteData(messagesInput(conversation.id));
      const notification = newMessageNotification(eventId, event, {
        userId,
        pageHidden: document.visibilityState === "hidden",
        startCursor: Number(utils.events.cursor.getData()?.lastEventId ?? Number.POSITIVE_INFINITY),
        alreadyNotified: notified.current.has(message.id),
        inCache: Boolean(cached && hasMessage(cached, message.id)),
        untitledBody: t("newMessage"),
        describe: (type, body) => previewText(type, body, tPreview),
      });
      if (!notification) return;
      notified.current.add(message.id);
      const oldest = notified.current.values().next();
      if (notified.current.size > REMEMBERED && !oldest.done) notified.current.delete(oldest.value);
      if (isSoundOn()) playChime();
      if (canNotify()) show(notification);
    },
    [utils, userId, show, t, tPreview],
  );
}
