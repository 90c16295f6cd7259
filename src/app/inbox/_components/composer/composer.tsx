"use client";
// The reply box. Enter sends and Shift+Enter starts a new line (never while an input method is
// composing: Enter then picks the IME's candidate). Sending hands the text to the outbox and clears
// the box at once; the box keeps focus, so the next reply can follow without reaching for the mouse.
//
// The box grows with its text up to a limit, then scrolls. It is sized by an invisible copy of the
// text in the same grid cell rather than by measuring it in script: measuring means shrinking the
// box to "auto" for a moment, which makes the message log above it lose its scroll position.
// What is not sent yet stays with the conversation as a draft (../_hooks/use-draft.ts).
//
// "Private note" switches the box to writing for the team: the note is shown in amber in the
// history, live to every agent who sees the conversation, and never sent to WhatsApp.
//
// "Attach" (or pasting a file) takes a file to send: its preview then stands in for the text box.
//
// Outside WhatsApp's 24-hour window a free-form reply would be refused, so Reply offers templates
// instead of the text box (the Templates button moves there, emphasized); private notes still work.
// What was typed stays as the draft for when the customer writes again.
//
// "/" at the start of the box opens the "Canned responses" list (../_hooks/use-canned-picker.ts);
// while it is open, the arrows, Enter and Escape are the list's.
import { useTranslations } from "next-intl";
import { useTime } from "@/app/_lib/use-time";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { MAX_TEXT_LENGTH } from "@/shared/dto";
import { ACCEPTED_MIME_TYPES } from "@/shared/media-kinds";
import type { WrittenKind } from "../../_lib/outbox-queue";
import { CannedResponseList } from "./canned-response-list";
import { useCannedPicker } from "../../_hooks/use-canned-picker";
import { useDraft } from "../../_hooks/use-draft";
import { useTypingSignal } from "../../_hooks/use-typing-signal";

/** The count appears this close to the limit, before it matters rather than at every keystroke. */
const COUNT_FROM = MAX_TEXT_LENGTH - 250;


interface Props {
  onSend: (body: string, kind: WrittenKind) => void;
  /** The 24-hour window is closed: Reply offers templates instead of free text. */
  windowClosed?: boolean;
  /** Shown above the box: when the customer last wrote, or the window warning. */
  notice: ReactNode;
  /** Where the unsent text is kept (per user and conversation): see ../_hooks/use-draft.ts. */
  draftKey: string;
  /** Beside the Reply / Private note switch: the Templates button (templates-button.tsx). */
  templates?: ReactNode;
  /** Takes a file to send (the Attach button, or pasting one into the box). */
  onAttach?: (file: File) => void;
  /** The file being sent (attachment-preview.tsx), shown instead of the text box. */
  attachment?: ReactNode;
  /** Why the last file was refused, if it was. */
  attachError?: string | null;
  /** "Replying to …" (replying-to.tsx), while the reply quotes a message. */
  replying?: ReactNode;
  /** The open conversation, whose canned responses "/" offers (none without it). */
  conversationId?: string;
}

export function Composer(props: Props) {
  const { onSend, windowClosed, notice, draftKey, templates, onAttach, attachment, attachError, replying, conversationId } = props;
  const t = useTranslations("Composer");
  const time = useTime();
  const { text, setText, restored } = useDraft(draftKey);
  const [kind, setKind] = useState<WrittenKind>("reply");
  const isNote = kind === "note";
  const templatesOnly = !isNote && Boolean(windowClosed);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  // When a file is sent or removed, the text box comes back and takes the keyboard again.
  const hadAttachment = useRef(false);
  useEffect(() => {
    if (hadAttachment.current && !attachment) boxRef.current?.focus();
    hadAttachment.current = Boolean(attachment);
  }, [attachment]);
  // An inserted response replaces the slash word, ready to edit: the caret goes to its end.
  const canned = useCannedPicker(conversationId, text, (filled) => {
    setText(filled);
    requestAnimationFrame(() => boxRef.current?.setSelectionRange(filled.length, filled.length));
  });
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  // A draft brought back from storage is not someone typing now.
  useTypingSignal(restored === null ? text : "");

  // The server trims too; counting the trimmed text makes the limit here the limit there.
  const length = text.trim().length;
  const tooLong = length > MAX_TEXT_LENGTH;
  const canSend = length > 0 && !tooLong;

  const send = () => {
    if (canSend) {
      onSend(text.trim(), kind);
      setText("");
    }
    boxRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (event.key !== "Enter" || event.shiftKey || event.altKey) return;
    // keyCode 229: Safari ends some compositions with an Enter that isComposing misses.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  const describedBy = tooLong ? errorId : hintId;
  const switchTo = (next: WrittenKind) => {
    setKind(next);
    boxRef.current?.focus();
  };

  return (
    <footer className="shrink-0 border-t border-slate-200 bg-white px-4 pt-2 pb-3 sm:px-8">
      <div className="mx-auto flex max-w-3xl flex-col gap-2">
        {isNote ? (
          <p className="rounded-lg bg-amber-50 px-3 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200 ring-inset">
            {t("noteHint")}
          </p>
        ) : (
          notice
        )}
        <div className="flex items-center justify-between gap-2">
          <div role="group" aria-label={t("writeA")} className="flex gap-1 text-xs font-medium">
            {(["reply", "note"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={kind === option}
                onClick={() => switchTo(option)}
                className={`rounded-full px-3 py-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 ${
                  kind === option
                    ? option === "note"
                      ? "bg-amber-100 text-amber-900"
                      : "bg-emerald-50 text-emerald-800"
                    : "text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                }`}
              >
                {option === "note" ? t("privateNote") : t("reply")}
              </button>
            ))}
          </div>
          {!isNote && !templatesOnly && templates}
        </div>
        {!isNote && replying}
        {templatesOnly ? (
          <TemplatesInstead templates={templates} />
        ) : attachment ?? (
          <form onSubmit={onSubmit} className="relative flex items-end gap-2">
            {canned.open && <CannedResponseList id={canned.listboxId} options={canned.options} activeId={canned.activeId} onChoose={canned.choose} />}
            {onAttach && !isNote && <AttachButton inputRef={fileRef} onAttach={onAttach} />}
            <label htmlFor={inputId} className="sr-only">
              {isNote ? t("privateNote") : t("message")}
            </label>
            <div
              className={`grid min-w-0 flex-1 rounded-2xl border bg-white shadow-sm transition-colors focus-within:ring-2 ${
                tooLong
                  ? "border-red-400 focus-within:ring-red-500/20"
                  : isNote
                    ? "border-amber-300 bg-amber-50/60 focus-within:border-amber-500 focus-within:ring-amber-500/20"
                    : "border-slate-300 focus-within:border-emerald-500 focus-within:ring-emerald-500/20"
              }`}
            >
              {/* The sizer: same font, padding and wrapping as the box; the trailing space keeps a final empty line. */}
              <div
                aria-hidden="true"
                dir="auto"
                className="invisible col-start-1 row-start-1 max-h-40 overflow-hidden px-3.5 py-2.5 text-[14.5px] leading-snug break-words whitespace-pre-wrap"
              >
                {`${text} `}
              </div>
              <textarea
                ref={boxRef}
                id={inputId}
                rows={1}
                dir="auto"
                enterKeyHint="send"
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={onKeyDown}
                onPaste={(event) => {
                  const file = event.clipboardData.files[0];
                  if (file && onAttach && !isNote) {
                    event.preventDefault();
                    onAttach(file);
                  }
                }}
                placeholder={isNote ? t("notePlaceholder") : t("replyPlaceholder")}
                aria-invalid={tooLong}
                aria-describedby={describedBy}
                aria-autocomplete={conversationId ? "list" : undefined}
                aria-controls={canned.open ? canned.listboxId : undefined}
                aria-activedescendant={canned.activeId}
                className="col-start-1 row-start-1 block max-h-40 w-full resize-none overflow-y-auto bg-transparent px-3.5 py-2.5 text-[14.5px] leading-snug text-slate-900 outline-none placeholder:text-slate-400"
              />
            </div>
            <button
              type="submit"
              aria-disabled={!canSend}
              className={`inline-flex h-[2.625rem] shrink-0 items-center gap-1.5 rounded-full pr-4 pl-3.5 text-sm font-semibold text-white shadow-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 aria-disabled:cursor-not-allowed aria-disabled:bg-slate-100 aria-disabled:text-slate-400 aria-disabled:shadow-none ${
                isNote
                  ? "bg-amber-600 hover:bg-amber-700 focus-visible:outline-amber-600"
                  : "bg-emerald-700 hover:bg-emerald-800 focus-visible:outline-emerald-600"
              }`}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                <path d="M3.1 2.3a.75.75 0 0 0-.98.92l1.86 5.96a.75.75 0 0 0 .6.52l6.17.96c.28.05.28.45 0 .5l-6.17.96a.75.75 0 0 0-.6.52l-1.86 5.96a.75.75 0 0 0 .98.92l14.5-7.1a.75.75 0 0 0 0-1.36L3.1 2.3Z" />
              </svg>
              {isNote ? t("addNote") : t("send")}
            </button>
          </form>
        )}
        <div className="flex min-h-4 items-center justify-between gap-3 px-1 text-[11px] leading-4">
          {templatesOnly ? (
            <p className="text-slate-500">{t("freeFormLater")}</p>
          ) : attachError ? (
            <p role="alert" className="font-medium text-red-700">
              {attachError}
            </p>
          ) : tooLong ? (
            <p id={errorId} role="alert" className="font-medium text-red-700">
              {t("tooLong", { max: time.number(MAX_TEXT_LENGTH) })}
            </p>
          ) : (
            <p id={hintId} className="text-slate-500">
              {t.rich(isNote ? "keysNote" : "keysReply", { kbd: (chunks) => <kbd className="font-sans">{chunks}</kbd> })}
            </p>
          )}
          {length > COUNT_FROM && (
            <span className={`shrink-0 tabular-nums ${tooLong ? "font-medium text-red-700" : "text-slate-500"}`}>
              {time.number(length)} / {time.number(MAX_TEXT_LENGTH)}
            </span>
          )}
        </div>
      </div>
    </footer>
  );
}

/** Where the text box was, while only templates reach the customer. */
function TemplatesInstead({ templates }: { templates: ReactNode }) {
  const t = useTranslations("Composer");
  return (
    <div className="flex min-h-[2.625rem] flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-2xl border border-dashed border-slate-300 bg-slate-50 px-4 py-2">
      <p className="text-sm text-slate-600">
        {t.rich("templatesInstead", { strong: (chunks) => <span className="font-medium">{chunks}</span> })}
      </p>
      {templates}
    </div>
  );
}

/** A paperclip that opens the file picker, limited to the types WhatsApp takes. */
function AttachButton({ inputRef, onAttach }: { inputRef: RefObject<HTMLInputElement | null>; onAttach: (file: File) => void }) {
  const t = useTranslations("Composer");
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        hidden
        accept={ACCEPTED_MIME_TYPES.join(",")}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ""; // the same file again still counts as a change
          if (file) onAttach(file);
        }}
      />
      <button
        type="button"
        aria-label={t("attach")}
        title={t("attachTitle")}
        onClick={() => inputRef.current?.click()}
        className="flex size-[2.625rem] shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path fillRule="evenodd" d="M15.62 3.38a3.25 3.25 0 0 0-4.6 0l-6.5 6.5a4.75 4.75 0 0 0 6.72 6.72l5.3-5.3a.75.75 0 1 1 1.06 1.06l-5.3 5.3a6.25 6.25 0 0 1-8.84-8.84l6.5-6.5a4.75 4.75 0 0 1 6.72 6.72l-6.19 6.19a3.25 3.25 0 0 1-4.6-4.6l5.13-5.12a.75.75 0 0 1 1.06 1.06l-5.13 5.12a1.75 1.75 0 0 0 2.48 2.48l6.19-6.19a3.25 3.25 0 0 0 0-4.6Z" clipRule="evenodd" />
        </svg>
      </button>
    </>
  );
}
