"use client";
// The actions beside a message: "Reply to this message" (the composer then quotes it) and, on a
// customer's message, "React to this message", which opens a small emoji picker. Shown on hover
// and whenever focus is inside the message, so they are reachable by keyboard in the log's order.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { TMessage } from "@/shared/dto";
import { QUICK_REACTIONS } from "@/shared/reactions";
import { useMessageActions } from "./message-actions-context";

const actionButton =
  "flex size-7 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600";

export function MessageActionButtons({ message }: { message: TMessage }) {
  const actions = useMessageActions();
  const t = useTranslations("MessageActions");
  const [picking, setPicking] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  if (!actions) return null;
  const ours = message.reactions?.business?.failed ? "" : (message.reactions?.business?.emoji ?? "");
  const close = () => {
    setPicking(false);
    triggerRef.current?.focus();
  };
  return (
    <div className="relative flex shrink-0 items-center gap-0.5 self-center opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100">
      <button type="button" aria-label={t("reply")} title={t("replyShort")} className={actionButton} onClick={() => actions.replyTo(message)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path fillRule="evenodd" d="M7.79 4.21a.75.75 0 0 1 0 1.06L4.56 8.5h7.19A5.25 5.25 0 0 1 17 13.75v1.5a.75.75 0 0 1-1.5 0v-1.5A3.75 3.75 0 0 0 11.75 10H4.56l3.23 3.23a.75.75 0 1 1-1.06 1.06l-4.5-4.5a.75.75 0 0 1 0-1.06l4.5-4.5a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
        </svg>
      </button>
      {message.direction === "inbound" && (
        <button
          ref={triggerRef}
          type="button"
          aria-label={t("react")}
          aria-haspopup="dialog"
          aria-expanded={picking}
          title={t("reactShort")}
          className={actionButton}
          onClick={() => setPicking((open) => !open)}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-3-9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Zm7-1a1 1 0 1 1-2 0 1 1 0 0 1 2 0Zm-7.54 3.6a.75.75 0 0 1 1.03.26 2.87 2.87 0 0 0 5.02 0 .75.75 0 1 1 1.29.77 4.37 4.37 0 0 1-7.6 0 .75.75 0 0 1 .26-1.03Z" clipRule="evenodd" />
          </svg>
        </button>
      )}
      {picking && (
        <EmojiPicker
          current={ours}
          onClose={close}
          onPick={(emoji) => {
            // The same emoji again takes the reaction back, as in WhatsApp.
            actions.react(message, emoji === ours ? "" : emoji);
            close();
          }}
        />
      )}
    </div>
  );
}

function EmojiPicker({ current, onPick, onClose }: { current: string; onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useTranslations("MessageActions");
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // The latest onClose, so the effect below runs once (running it again would move focus back).
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    ref.current?.querySelector("button")?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onCloseRef.current();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, []);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
      className="absolute bottom-full left-0 z-20 mb-1 flex gap-0.5 rounded-full bg-white p-1 shadow-lg ring-1 ring-slate-200"
    >
      <span id={titleId} className="sr-only">
        {t("chooseReaction")}
      </span>
      {QUICK_REACTIONS.map(({ emoji, key }) => {
        const name = t(`reactions.${key}`);
        return (
        <button
          key={emoji}
          type="button"
          aria-label={name}
          aria-pressed={current === emoji}
          title={current === emoji ? t("chooseAgainToRemove", { name }) : name}
          onClick={() => onPick(emoji)}
          className="flex size-8 items-center justify-center rounded-full text-lg hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-600 aria-pressed:bg-emerald-100"
        >
          {emoji}
        </button>
        );
      })}
    </div>
  );
}
